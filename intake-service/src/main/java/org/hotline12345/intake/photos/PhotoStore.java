package org.hotline12345.intake.photos;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tickets' photos in the GridFS bucket {@value #BUCKET}: each photo a file whose metadata names its ticket, its kind,
 * its size and its thumbnail, and each thumbnail a file of its own that names no ticket, so that a ticket's photos
 * are found by the metadata's ticket alone ({@link PhotoIndexes}).
 */
@Component
class PhotoStore {

    static final String BUCKET = "photos";
    static final String FILES = BUCKET + ".files";
    static final String CHUNKS = BUCKET + ".chunks";
    static final String TICKET = "metadata.ticketId";
    static final String KIND = "metadata.kind";

    private final ReactiveGridFsTemplate files;
    private final ReactiveMongoTemplate mongo;

    PhotoStore(ReactiveMongoDatabaseFactory database, ReactiveMongoTemplate mongo) {
        this.files = new ReactiveGridFsTemplate(database, mongo.getConverter(), BUCKET);
        this.mongo = mongo;
    }

    /**
     * One stored photo as its metadata says.
     *
     * @param id the photo's file id
     * @param thumbnailId its thumbnail's file id
     * @param addedBy who added it: a staff member's subject, or {@link TicketPhotos#CITIZEN}
     */
    record StoredPhoto(String id, String ticketId, PhotoKind kind, int width, int height, String thumbnailId,
            Instant addedAt, long length, String addedBy) {

        static StoredPhoto of(GridFSFile file) {
            Document metadata = file.getMetadata();
            return new StoredPhoto(file.getObjectId().toHexString(), metadata.getString("ticketId"),
                    PhotoKind.valueOf(metadata.getString("kind")), metadata.getInteger("width"),
                    metadata.getInteger("height"), metadata.getObjectId("thumbnailId").toHexString(),
                    file.getUploadDate().toInstant(), file.getLength(), metadata.getString("addedBy"));
        }
    }

    /** Stores the thumbnail, then the photo that names it; the photo as stored. */
    Mono<StoredPhoto> store(String ticketId, PhotoKind kind, PhotoImages.Cleaned cleaned, String addedBy) {
        return files.store(content(cleaned.thumbnail()), "thumbnail.jpg", PhotoImages.STORED_TYPE,
                        new Document("thumbnail", true))
                .flatMap(thumbnailId -> files.store(content(cleaned.photo()), kind.name().toLowerCase() + ".jpg",
                        PhotoImages.STORED_TYPE, new Document("ticketId", ticketId).append("kind", kind.name())
                                .append("width", cleaned.width()).append("height", cleaned.height())
                                .append("thumbnailId", thumbnailId).append("sentAs", cleaned.sentAs().name())
                                .append("addedBy", addedBy))
                        .flatMap(photoId -> files.findOne(Query.query(Criteria.where("_id").is(photoId)))))
                .map(StoredPhoto::of);
    }

    /** Photos of {@code kinds} the ticket has, oldest first. */
    Flux<StoredPhoto> photosOf(String ticketId, Collection<PhotoKind> kinds) {
        return photosOf(List.of(ticketId), kinds);
    }

    /** Photos of {@code kinds} the tickets have, oldest first: one read for them all. */
    Flux<StoredPhoto> photosOf(Collection<String> ticketIds, Collection<PhotoKind> kinds) {
        return files.find(Query.query(Criteria.where(TICKET).in(ticketIds)
                        .and(KIND).in(kinds.stream().map(Enum::name).toList())))
                .map(StoredPhoto::of)
                .sort(Comparator.comparing(StoredPhoto::addedAt).thenComparing(StoredPhoto::id));
    }

    /** How many photos of {@code kind} the ticket has. */
    Mono<Long> count(String ticketId, PhotoKind kind) {
        return mongo.count(Query.query(Criteria.where(TICKET).is(ticketId).and(KIND).is(kind.name())), FILES);
    }

    /** The ticket's photo {@code photoId} if it is of one of {@code kinds}; empty otherwise. */
    Mono<StoredPhoto> photo(String ticketId, String photoId, Collection<PhotoKind> kinds) {
        if (!ObjectId.isValid(photoId)) {
            return Mono.empty();
        }
        return files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(photoId))))
                .filter(file -> file.getMetadata() != null && ticketId.equals(file.getMetadata().getString("ticketId")))
                .map(StoredPhoto::of)
                .filter(photo -> kinds.contains(photo.kind()));
    }

    /** The bytes of the file {@code fileId} (a photo's or a thumbnail's), with their length. */
    Mono<Content> content(String fileId) {
        return files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))))
                .flatMap(file -> files.getResource(file)
                        .map(resource -> new Content(file.getLength(), resource.getDownloadStream())));
    }

    /** A stored file's bytes as they stream from the store. */
    record Content(long length, Flux<DataBuffer> bytes) {
    }

    /** Removes a photo and its thumbnail. */
    Mono<Void> delete(StoredPhoto photo) {
        return files.delete(Query.query(Criteria.where("_id").in(List.of(new ObjectId(photo.id()),
                new ObjectId(photo.thumbnailId())))));
    }

    private static Flux<DataBuffer> content(byte[] bytes) {
        return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
    }
}
