package org.hotline12345.intake.photos;

import java.util.List;
import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.intake.channels.FollowTokens;
import org.hotline12345.intake.channels.LookUpRequest;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The photos of a ticket meant for the citizen who follows it (the unit's after photos and their own, which they
 * may add to), proven by the link of their texts as the look-up proves it ({@link FollowTokens}): the number and the
 * token travel in request bodies only, never in an address, so that no access log, history or referrer keeps them.
 * The page reads each image by a POST and shows it from memory. A wrong token, an unknown number and a malformed
 * pair answer the same 404 as the look-up, and a photo of another kind or ticket is not found either. Limited per
 * client address, never per ticket, as the look-up is.
 */
@RestController
@RequestMapping(FollowedPhotoController.PATH)
class FollowedPhotoController {

    static final String PATH = "/api/v1/public/tickets/photos";

    /**
     * One photo of a followed ticket.
     *
     * @param thumbnail whether the thumbnail is wanted rather than the photo
     */
    record PhotoRequest(String ticketNumber, String token, String photoId, boolean thumbnail) {
    }

    private final TicketPhotos photos;
    private final FollowTokens tokens;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final ChannelLimits channelLimits;
    private final PhotoSettings settings;

    FollowedPhotoController(TicketPhotos photos, FollowTokens tokens, RateLimits limits, ClientAddresses clients,
            ChannelLimits channelLimits, PhotoSettings settings) {
        this.photos = photos;
        this.tokens = tokens;
        this.limits = limits;
        this.clients = clients;
        this.channelLimits = channelLimits;
        this.settings = settings;
    }

    /** The photos meant for the citizen, oldest first, without addresses; nothing is kept by any cache. */
    @PostMapping("/list")
    Mono<ResponseEntity<List<PhotoView>>> list(@RequestBody LookUpRequest followed, ServerHttpRequest request) {
        return viewed(followed.ticketNumber(), followed.token(), request).flatMapMany(photos::forCitizen)
                .map(PhotoView::withoutAddress).collectList()
                .map(list -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(list));
    }

    /** One photo meant for the citizen, or its thumbnail (a JPEG). */
    @PostMapping("/read")
    Mono<ResponseEntity<Flux<DataBuffer>>> read(@RequestBody PhotoRequest wanted, ServerHttpRequest request) {
        return viewed(wanted.ticketNumber(), wanted.token(), request)
                .flatMap(ticket -> photos.photo(ticket, String.valueOf(wanted.photoId()), TicketPhotos.FOR_CITIZEN))
                .flatMap(stored -> photos.content(wanted.thumbnail() ? stored.thumbnailId() : stored.id()))
                .map(PhotoResponses::forCitizen);
    }

    /**
     * 201 with the citizen's own photo (kind {@code CALLER}) as kept, on the terms of the staff's upload: a JPEG,
     * PNG or WebP image of at most 10 MB in the multipart part {@code photo}, beside the parts {@code ticketNumber}
     * and {@code token}, re-encoded without its metadata.
     */
    @PostMapping
    Mono<ResponseEntity<PhotoView>> add(@RequestPart("ticketNumber") Mono<Part> ticketNumber,
            @RequestPart("token") Mono<Part> token, @RequestPart("photo") Mono<Part> photo,
            ServerHttpRequest request) {
        return limits.admit("photos from this address", "photo-upload:address:" + clients.of(request),
                        settings.uploadsPerAddress(), channelLimits.window())
                .then(Mono.zip(fieldOf(ticketNumber), fieldOf(token)))
                .flatMap(proof -> proven(proof.getT1(), proof.getT2()))
                .flatMap(ticket -> photos.addAsCitizen(ticket, photo.flatMapMany(Part::content)))
                .map(stored -> ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                        .body(PhotoView.withoutAddress(stored)));
    }

    /** A form field's text; a file where a field belongs reads as no proof. */
    private static Mono<String> fieldOf(Mono<Part> part) {
        return part.map(field -> field instanceof FormFieldPart text ? text.value() : "").defaultIfEmpty("");
    }

    private Mono<IntakeTicket> viewed(String ticketNumber, String token, ServerHttpRequest request) {
        return limits.admit("photo views from this address", "photo-view:address:" + clients.of(request),
                settings.viewsPerAddress(), channelLimits.window()).then(proven(ticketNumber, token));
    }

    private Mono<IntakeTicket> proven(String ticketNumber, String token) {
        return Mono.defer(() -> tokens.proves(ticketNumber, token) ? photos.followed(ticketNumber)
                : Mono.error(new ResourceNotFoundException("Ticket", "looked up")));
    }
}
