package org.hotline12345.intake.channels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import org.hotline12345.intake.publication.PublicationPolicy;
import org.hotline12345.intake.tickets.CallRequest;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The published reports a citizen may find near where they are and join as theirs too: open (not settled, and not
 * itself joined to another), published by the {@link PublicationPolicy}, of the category the citizen chose, within
 * {@link #RADIUS_METRES} of their point. The distance is measured to the report's published point (rounded to about
 * 100 m), never to where it really is, so that asking from many points finds out no more than Open311 shows; and a
 * report that is not published is neither listed nor joined, answered exactly as one that does not exist.
 */
@Component
class NearbyReports {

    static final double RADIUS_METRES = 200;
    /** The nearest shown; a citizen reads a few, not a city's worth. */
    static final int SHOWN = 10;
    /** Read at most from the box around the point, newest first, before the nearest are picked. */
    private static final int READ_AT_MOST = 100;
    private static final Set<String> SETTLED_OR_JOINED = Set.of("RESOLVED", "CLOSED", "RESOLVED_AT_INTAKE",
            "LINKED");
    private static final double METRES_PER_DEGREE = 111_320;
    /** The box is drawn around the real points, which lie up to about 70 m from the published ones. */
    private static final double BOX_METRES = RADIUS_METRES + 100;
    /**
     * How far back reports are offered: the search reads the category's published reports of this period only, so
     * that it never walks a category's whole history where no report is near.
     */
    static final Duration RECENT = Duration.ofDays(30);
    /** At most this long a description is shown in the list. */
    private static final int DESCRIPTION_SHOWN = 140;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    NearbyReports(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The open published reports of {@code category} within the radius of the point, nearest first. */
    Flux<Nearby> near(String category, CallRequest.Location at) {
        double lat = at.lat();
        double lon = at.lon();
        double dLat = BOX_METRES / METRES_PER_DEGREE;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        // published and category lead: the index Open311's searches read by serves it
        Query box = Query.query(Criteria.where("published").is(true).and("category").is(category)
                        .and("receivedAt").gte(clock.instant().minus(RECENT))
                        .and("lat").gte(lat - dLat).lte(lat + dLat).and("lon").gte(lon - dLon).lte(lon + dLon)
                        .and("status").nin(SETTLED_OR_JOINED))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(READ_AT_MOST);
        return mongo.find(box, IntakeTicket.class)
                .filter(ticket -> joinable(ticket, category, at))
                .map(ticket -> Nearby.of(ticket, metres(ticket, at)))
                .sort(Comparator.comparingLong(Nearby::metres).thenComparing(Nearby::ticketNumber))
                .take(SHOWN);
    }

    /**
     * The id of the report of {@code ticketNumber} when a citizen at {@code at} complaining about {@code category}
     * may join it; empty for any other, whether or not it exists.
     */
    Mono<String> joinable(String ticketNumber, String category, CallRequest.Location at) {
        if (ticketNumber == null || category == null || at == null || at.lat() == null || at.lon() == null) {
            return Mono.empty();
        }
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .filter(ticket -> joinable(ticket, category, at))
                .map(IntakeTicket::getId);
    }

    private static boolean joinable(IntakeTicket ticket, String category, CallRequest.Location at) {
        return ticket.isPublished() && category.equals(ticket.getCategory())
                && !SETTLED_OR_JOINED.contains(ticket.getStatus()) && ticket.getRepeatOf() == null
                && ticket.getParentIncidentId() == null && ticket.getLat() != null && ticket.getLon() != null
                && metres(ticket, at) <= RADIUS_METRES;
    }

    /** From the point to the report's published point, in whole metres. */
    private static long metres(IntakeTicket ticket, CallRequest.Location at) {
        double lat1 = Math.toRadians(at.lat());
        double lat2 = Math.toRadians(PublicationPolicy.coarse(ticket.getLat()));
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(PublicationPolicy.coarse(ticket.getLon()) - at.lon());
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(a)));
    }

    /**
     * A report as a stranger may see it, as Open311 shows it: no address, no contact data, numbers in the words
     * masked, the point rounded.
     *
     * @param metres from the citizen's point to the report's published point, rounded to 10 m
     * @param handlingUnit the unit working on it, null until one is
     */
    record Nearby(String ticketNumber, String category, String description, Instant receivedAt, long metres,
            String handlingUnit) {

        static Nearby of(IntakeTicket ticket, long metres) {
            String description = PublicationPolicy.description(ticket.getDescription());
            if (description != null && description.codePointCount(0, description.length()) > DESCRIPTION_SHOWN) {
                description = description.substring(0, description.offsetByCodePoints(0, DESCRIPTION_SHOWN)) + "…";
            }
            return new Nearby(ticket.getTicketNumber(), ticket.getCategory(), description, ticket.getReceivedAt(),
                    Math.round(metres / 10.0) * 10, ticket.getUnitName());
        }
    }
}
