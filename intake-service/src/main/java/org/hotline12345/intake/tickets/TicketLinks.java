package org.hotline12345.intake.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finds what a new ticket is about already: a repeat call (the same number, the same category, within 7 days,
 * the earlier ticket still open) or the same incident reported by someone else (the same category, within 200 m
 * and 48 hours). Links always point at the original, never at another link.
 */
@Component
class TicketLinks {

    static final Duration REPEAT_WINDOW = Duration.ofDays(7);
    static final Duration INCIDENT_WINDOW = Duration.ofHours(48);
    static final double INCIDENT_RADIUS_METRES = 200;
    private static final List<String> CLOSED = List.of("CLOSED", "RESOLVED_AT_INTAKE");
    private static final double METRES_PER_DEGREE = 111_320;

    private final ReactiveMongoTemplate mongo;

    TicketLinks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The open ticket this caller already has about the same thing, if any. */
    Mono<String> repeatOf(String phoneHash, String category, Instant now) {
        if (phoneHash == null) {
            return Mono.empty();
        }
        Query earlier = Query.query(Criteria.where("phoneHash").is(phoneHash).and("category").is(category)
                        .and("receivedAt").gte(now.minus(REPEAT_WINDOW)).and("status").nin(CLOSED))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(1);
        return mongo.findOne(earlier, IntakeTicket.class).map(t -> t.getRepeatOf() != null ? t.getRepeatOf()
                : t.getId());
    }

    /** The first open ticket another caller made about an incident of this category this close, if any. */
    Mono<String> sameIncident(String phoneHash, String category, CallRequest.Location at, Instant now) {
        if (at == null) {
            return Mono.empty();
        }
        double latSpan = INCIDENT_RADIUS_METRES / METRES_PER_DEGREE;
        double lonSpan = latSpan / Math.cos(Math.toRadians(at.lat()));
        Criteria nearby = Criteria.where("category").is(category)
                .and("receivedAt").gte(now.minus(INCIDENT_WINDOW))
                .and("status").nin(CLOSED)
                .and("lat").gte(at.lat() - latSpan).lte(at.lat() + latSpan)
                .and("lon").gte(at.lon() - lonSpan).lte(at.lon() + lonSpan);
        return mongo.find(Query.query(nearby).with(Sort.by("receivedAt")), IntakeTicket.class)
                .filter(t -> phoneHash == null || !phoneHash.equals(t.getPhoneHash()))
                .filter(t -> metres(at.lat(), at.lon(), t.getLat(), t.getLon()) <= INCIDENT_RADIUS_METRES)
                .next()
                .map(t -> t.getParentIncidentId() != null ? t.getParentIncidentId() : t.getId());
    }

    /** Great-circle distance (haversine) in metres. */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
    }
}
