package org.hotline12345.intake.photos;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Flux;

/** A stored photo's or thumbnail's bytes as an answer: always the JPEG that was stored, shown inline. */
final class PhotoResponses {

    private PhotoResponses() {
    }

    /** For staff: their browser may keep it a while, no shared cache may. */
    static ResponseEntity<Flux<DataBuffer>> forStaff(PhotoStore.Content content) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(10)).cachePrivate())
                .headers(headers -> common(headers, content)).body(content.bytes());
    }

    /** For the citizen through their link: kept by no cache, and no referrer carries the link's token on. */
    static ResponseEntity<Flux<DataBuffer>> forCitizen(PhotoStore.Content content) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
                .headers(headers -> common(headers, content)).body(content.bytes());
    }

    /**
     * For anyone, a published report's photo: shared caches may keep it a few minutes, so that a withdrawn
     * publication stops showing soon.
     */
    static ResponseEntity<Flux<DataBuffer>> forPublic(PhotoStore.Content content) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .headers(headers -> common(headers, content)).body(content.bytes());
    }

    private static void common(HttpHeaders headers, PhotoStore.Content content) {
        headers.setContentType(MediaType.IMAGE_JPEG);
        headers.setContentLength(content.length());
        headers.setContentDisposition(ContentDisposition.inline().filename("photo.jpg").build());
    }
}
