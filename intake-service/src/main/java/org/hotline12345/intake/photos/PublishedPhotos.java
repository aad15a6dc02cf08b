package org.hotline12345.intake.photos;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The photos anyone may see: a published ticket's own photos, the ones its reporter sent through the link of their
 * texts ({@link PhotoKind#CALLER} added by {@link TicketPhotos#CITIZEN}), since agreeing to publish the report is
 * agreeing to publish what they show of it. Photos are stored without location or camera data, so nothing of the
 * reporter travels with them. What staff attached (an operator's copy of what a caller sent, the unit's before and
 * after photos), and every photo of a ticket that is not published, are nobody's business but the staff's and the
 * citizen's who follows it: the reporter consented to their report, not to a photo someone else added later.
 */
@Component
public class PublishedPhotos {

    static final String PATH = "/api/v1/public/published/{ticketNumber}/photos/{photoId}";
    static final Set<PhotoKind> PUBLIC = EnumSet.of(PhotoKind.CALLER);

    private final ReactiveMongoTemplate mongo;
    private final PhotoStore store;

    PublishedPhotos(ReactiveMongoTemplate mongo, PhotoStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /**
     * The address (a path) of the first photo each of the published {@code tickets} shows, by ticket id; a ticket
     * with none is left out. One read for all of them.
     */
    public Mono<Map<String, String>> firstPhotoPaths(Collection<IntakeTicket> tickets) {
        List<IntakeTicket> published = tickets.stream().filter(IntakeTicket::isPublished).toList();
        if (published.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<String, String> numbers = published.stream().collect(Collectors.toMap(IntakeTicket::getId,
                IntakeTicket::getTicketNumber, (a, b) -> a));
        // oldest first, so the first of each ticket is the one kept
        return store.photosOf(numbers.keySet(), PUBLIC).filter(PublishedPhotos::theReporters).collect(HashMap<String, String>::new,
                (paths, photo) -> paths.putIfAbsent(photo.ticketId(), pathOf(numbers.get(photo.ticketId()), photo.id())))
                .map(Map::copyOf);
    }

    /** The published ticket's photo {@code photoId} when it is one anyone may see; 404 otherwise, alike. */
    Mono<PhotoStore.Content> content(String ticketNumber, String photoId) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("published").is(true)),
                        IntakeTicket.class)
                .flatMap(ticket -> store.photo(ticket.getId(), photoId, PUBLIC))
                .filter(PublishedPhotos::theReporters)
                .flatMap(photo -> store.content(photo.id()))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Photo", photoId)));
    }

    private static boolean theReporters(PhotoStore.StoredPhoto photo) {
        return TicketPhotos.CITIZEN.equals(photo.addedBy());
    }

    static String pathOf(String ticketNumber, String photoId) {
        return PATH.replace("{ticketNumber}", ticketNumber).replace("{photoId}", photoId);
    }
}
