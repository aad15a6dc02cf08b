package org.hotline12345.intake.photos;

import java.net.URI;
import java.util.List;
import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.intake.channels.FollowTokens;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The photos of a ticket meant for the citizen who follows it, at addresses under the link of their texts
 * ({@code {ticketNumber}.{token}}, proven by {@link FollowTokens} as the look-up proves it): the unit's after photos
 * and their own, which they may add to. A wrong token, an unknown number and a malformed pair answer the same 404 as
 * the look-up, and a photo of another kind or ticket is not found either. Limited per client address, never per
 * ticket, as the look-up is.
 */
@RestController
@RequestMapping(FollowedPhotoController.PATH)
class FollowedPhotoController {

    static final String PATH = "/api/v1/public/tickets/{ticketNumber}.{token}/photos";

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

    /** The photos meant for the citizen, oldest first; nothing is kept by any cache. */
    @GetMapping
    Mono<ResponseEntity<List<PhotoView>>> list(@PathVariable String ticketNumber, @PathVariable String token,
            ServerHttpRequest request) {
        return viewed(ticketNumber, token, request).flatMapMany(photos::forCitizen)
                .map(stored -> PhotoView.of(stored, base(ticketNumber, token))).collectList()
                .map(list -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(list));
    }

    /** One photo meant for the citizen (a JPEG). */
    @GetMapping("/{photoId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> photo(@PathVariable String ticketNumber, @PathVariable String token,
            @PathVariable String photoId, ServerHttpRequest request) {
        return viewed(ticketNumber, token, request)
                .flatMap(ticket -> photos.photo(ticket, photoId, TicketPhotos.FOR_CITIZEN))
                .flatMap(stored -> photos.content(stored.id())).map(PhotoResponses::forCitizen);
    }

    /** The thumbnail of one photo meant for the citizen (a JPEG). */
    @GetMapping("/{photoId}/thumbnail")
    Mono<ResponseEntity<Flux<DataBuffer>>> thumbnail(@PathVariable String ticketNumber, @PathVariable String token,
            @PathVariable String photoId, ServerHttpRequest request) {
        return viewed(ticketNumber, token, request)
                .flatMap(ticket -> photos.photo(ticket, photoId, TicketPhotos.FOR_CITIZEN))
                .flatMap(stored -> photos.content(stored.thumbnailId())).map(PhotoResponses::forCitizen);
    }

    /**
     * 201 with the citizen's own photo (kind {@code CALLER}) as kept, on the terms of the staff's upload: a JPEG,
     * PNG or WebP image of at most 10 MB in the multipart part {@code photo}, re-encoded without its metadata.
     */
    @PostMapping
    Mono<ResponseEntity<PhotoView>> add(@PathVariable String ticketNumber, @PathVariable String token,
            @RequestPart("photo") Mono<Part> photo, ServerHttpRequest request) {
        return limits.admit("photos from this address", "photo-upload:address:" + clients.of(request),
                        settings.uploadsPerAddress(), channelLimits.window())
                .then(proven(ticketNumber, token))
                .flatMap(ticket -> photos.addAsCitizen(ticket, photo.flatMapMany(Part::content)))
                .map(stored -> PhotoView.of(stored, base(ticketNumber, token)))
                .map(view -> ResponseEntity.created(URI.create(view.href())).cacheControl(CacheControl.noStore())
                        .body(view));
    }

    private Mono<IntakeTicket> viewed(String ticketNumber, String token, ServerHttpRequest request) {
        return limits.admit("photo views from this address", "photo-view:address:" + clients.of(request),
                settings.viewsPerAddress(), channelLimits.window()).then(proven(ticketNumber, token));
    }

    private Mono<IntakeTicket> proven(String ticketNumber, String token) {
        return Mono.defer(() -> tokens.proves(ticketNumber, token) ? photos.followed(ticketNumber)
                : Mono.error(new ResourceNotFoundException("Ticket", "looked up")));
    }

    private static String base(String ticketNumber, String token) {
        return "/api/v1/public/tickets/" + ticketNumber + "." + token + "/photos";
    }
}
