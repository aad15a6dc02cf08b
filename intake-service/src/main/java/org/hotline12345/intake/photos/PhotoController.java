package org.hotline12345.intake.photos;

import java.net.URI;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff's photos of a ticket: operators attach what the caller sent ({@code CALLER}), the unit handling the ticket
 * (or its grid worker) adds its {@code BEFORE} and {@code AFTER} photos, and whoever may read the ticket reads them.
 * A ticket the caller may not read is not found, whether or not it exists.
 */
@RestController
@RequestMapping(PhotoController.PATH)
class PhotoController {

    static final String PATH = "/api/v1/intake/tickets/{ticketId}/photos";
    private static final String READERS = "hasAnyRole('OPERATOR', 'SUPERVISOR', 'UNIT', 'GRID_WORKER')";

    private final TicketPhotos photos;

    PhotoController(TicketPhotos photos) {
        this.photos = photos;
    }

    /**
     * 201 with the photo as kept: a JPEG, PNG or WebP image of at most 10 MB in the multipart part {@code photo},
     * re-encoded without its metadata. 400 naming {@code photo} for another type, too many bytes or pixels, or
     * bytes that do not decode; 403 for a kind the caller does not add; 409 when the ticket has its share of the
     * kind; 429 while too many photos are being processed.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'UNIT', 'GRID_WORKER')")
    Mono<ResponseEntity<PhotoView>> add(@PathVariable String ticketId, @RequestParam PhotoKind kind,
            @RequestPart("photo") Mono<Part> photo) {
        return photos.addAsStaff(ticketId, kind, photo.flatMapMany(Part::content))
                .map(stored -> PhotoView.of(stored, base(ticketId)))
                .map(view -> ResponseEntity.created(URI.create(view.href())).body(view));
    }

    /** The ticket's photos, oldest first, each with the addresses of its bytes and its thumbnail. */
    @GetMapping
    @PreAuthorize(READERS)
    Mono<List<PhotoView>> list(@PathVariable String ticketId) {
        return photos.readable(ticketId).flatMapMany(photos::forStaff)
                .map(stored -> PhotoView.of(stored, base(ticketId))).collectList();
    }

    /** The photo as kept (a JPEG). */
    @GetMapping("/{photoId}")
    @PreAuthorize(READERS)
    Mono<ResponseEntity<Flux<DataBuffer>>> photo(@PathVariable String ticketId, @PathVariable String photoId) {
        return photos.readable(ticketId).flatMap(ticket -> photos.photo(ticket, photoId, TicketPhotos.FOR_STAFF))
                .flatMap(stored -> photos.content(stored.id())).map(PhotoResponses::forStaff);
    }

    /** The photo's thumbnail (a JPEG), for lists. */
    @GetMapping("/{photoId}/thumbnail")
    @PreAuthorize(READERS)
    Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String ticketId, @PathVariable String photoId) {
        return photos.readable(ticketId).flatMap(ticket -> photos.photo(ticket, photoId, TicketPhotos.FOR_STAFF))
                .flatMap(stored -> photos.content(stored.thumbnailId())).map(PhotoResponses::forStaff);
    }

    private static String base(String ticketId) {
        return PATH.replace("{ticketId}", ticketId);
    }
}
