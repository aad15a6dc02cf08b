package org.hotline12345.intake.photos;

import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A published report's photo by address, for anyone (it is the Open311 {@code media_url}): only a photo its reporter
 * sent, of a ticket published with their consent ({@link PublishedPhotos}). Any other id, number or kind answers the
 * same 404. Limited per client address as the citizens' photo views are.
 */
@RestController
class PublishedPhotoController {

    private final PublishedPhotos published;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final ChannelLimits channelLimits;
    private final PhotoSettings settings;

    PublishedPhotoController(PublishedPhotos published, RateLimits limits, ClientAddresses clients,
            ChannelLimits channelLimits, PhotoSettings settings) {
        this.published = published;
        this.limits = limits;
        this.clients = clients;
        this.channelLimits = channelLimits;
        this.settings = settings;
    }

    /** The photo, a JPEG without location or camera data. */
    @GetMapping(PublishedPhotos.PATH)
    Mono<ResponseEntity<Flux<DataBuffer>>> photo(@PathVariable String ticketNumber, @PathVariable String photoId,
            ServerHttpRequest request) {
        return limits.admit("photo views from this address", "photo-view:address:" + clients.of(request),
                        settings.viewsPerAddress(), channelLimits.window())
                .then(published.content(ticketNumber, photoId))
                .map(PhotoResponses::forPublic);
    }
}
