package org.hotline12345.intake.photos;

import java.time.Instant;

/**
 * One photo of a ticket as a list shows it.
 *
 * @param id the photo's id within its ticket's photos
 * @param width the stored photo's width in pixels, upright
 * @param height its height
 * @param href where the photo is read, in the address space its reader used for the list; none for the citizen
 * @param thumbnailHref where its thumbnail is read
 */
record PhotoView(String id, PhotoKind kind, int width, int height, Instant addedAt, String href,
        String thumbnailHref) {

    /** {@code photo} with addresses under {@code base}, the list's own address. */
    static PhotoView of(PhotoStore.StoredPhoto photo, String base) {
        String href = base + "/" + photo.id();
        return new PhotoView(photo.id(), photo.kind(), photo.width(), photo.height(), photo.addedAt(), href,
                href + "/thumbnail");
    }

    /** {@code photo} without addresses: the citizen's page reads each by a POST that carries its link's proof. */
    static PhotoView withoutAddress(PhotoStore.StoredPhoto photo) {
        return new PhotoView(photo.id(), photo.kind(), photo.width(), photo.height(), photo.addedAt(), null, null);
    }
}
