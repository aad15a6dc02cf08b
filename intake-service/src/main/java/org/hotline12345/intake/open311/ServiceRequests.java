package org.hotline12345.intake.open311;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline12345.intake.photos.PublishedPhotos;
import org.hotline12345.intake.publication.PublicationPolicy;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.referencedata.City;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Published tickets as Open311 service requests, with their real state as routing reports it, by the
 * {@link PublicationPolicy}: only tickets reported publicly whose reporter agreed appear, any other answers as
 * unknown. A ticket linked to another (a repeat, or another report of the same incident) shows the state of the
 * ticket being worked, without naming it.
 */
@Component
class ServiceRequests {

    static final Set<String> CLOSED = Set.of("RESOLVED", "CLOSED", "RESOLVED_AT_INTAKE");
    private static final Set<String> CLOSED_OR_LINKED = Set.of("RESOLVED", "CLOSED", "RESOLVED_AT_INTAKE", "LINKED");

    private final ReactiveMongoTemplate mongo;
    private final Open311Settings settings;
    private final City city;
    private final PublishedPhotos photos;
    private final String mediaOrigin;

    ServiceRequests(ReactiveMongoTemplate mongo, Open311Settings settings, City city, PublishedPhotos photos) {
        this.city = city;
        this.mongo = mongo;
        this.settings = settings;
        this.photos = photos;
        this.mediaOrigin = originOf(settings.endpointUrl());
    }

    /** A search: ticket numbers, or else categories, a period and open or closed. */
    record Search(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Set<String> statuses) {
    }

    Mono<List<Map<String, Object>>> search(Search search) {
        Criteria criteria;
        if (!search.ids().isEmpty()) {
            criteria = Criteria.where("ticketNumber").in(search.ids()).and("published").is(true);
        } else {
            criteria = Criteria.where("published").is(true).and("receivedAt").gte(search.start())
                    .lte(search.end());
            if (!search.serviceCodes().isEmpty()) {
                criteria = criteria.and("category").in(search.serviceCodes());
            }
            // a linked ticket shows the state of the one it is linked to, so it is kept for the filter below
            if (search.statuses().equals(Set.of("closed"))) {
                criteria = criteria.and("status").in(CLOSED_OR_LINKED);
            } else if (search.statuses().equals(Set.of("open"))) {
                criteria = criteria.and("status").nin(CLOSED);
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                .limit(settings.maxResults());
        return withParents(mongo.find(query, IntakeTicket.class))
                .map(views -> views.stream()
                        .filter(view -> !search.ids().isEmpty() || search.statuses().isEmpty()
                                || search.statuses().contains((String) view.get("status")))
                        .toList());
    }

    Mono<Map<String, Object>> byNumber(String number) {
        return withParents(mongo.find(Query.query(Criteria.where("ticketNumber").is(number).and("published").is(true)),
                        IntakeTicket.class))
                .flatMap(views -> Mono.justOrEmpty(views.stream().findFirst()));
    }

    /**
     * The number of the published ticket a submission's token names. The token is the ticket's id, which staff
     * and events carry too, so a ticket that is not published answers as an unknown token: its number would
     * otherwise tie an id seen elsewhere to a ticket that was never published.
     */
    Mono<String> numberOfToken(String token) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(token).and("published").is(true)),
                IntakeTicket.class).map(IntakeTicket::getTicketNumber);
    }

    /**
     * Each ticket's view; a linked ticket with the state of the ticket it is linked to when that one is published
     * too, else as a ticket received and being routed.
     */
    private Mono<List<Map<String, Object>>> withParents(Flux<IntakeTicket> tickets) {
        return tickets.collectList().flatMap(found -> {
            Set<String> parentIds = found.stream().map(ServiceRequests::parentId).filter(id -> id != null)
                    .collect(Collectors.toSet());
            // only a published parent lends its state: anyone can link a ticket of their own to someone else's
            // (a repeat with their number, a report nearby), and an unpublished ticket must not show through it
            Mono<Map<String, IntakeTicket>> parents = parentIds.isEmpty() ? Mono.just(Map.of())
                    : mongo.find(Query.query(Criteria.where("_id").in(parentIds).and("published").is(true)),
                            IntakeTicket.class).collectMap(IntakeTicket::getId, Function.identity());
            return Mono.zip(parents, photos.firstPhotoPaths(found)).map(known -> found.stream()
                    .map(ticket -> view(ticket, parentId(ticket) == null ? null : known.getT1().get(parentId(ticket)),
                            known.getT2().get(ticket.getId())))
                    .toList());
        });
    }

    private static String parentId(IntakeTicket ticket) {
        return ticket.getRepeatOf() != null ? ticket.getRepeatOf() : ticket.getParentIncidentId();
    }

    private Map<String, Object> view(IntakeTicket ticket, IntakeTicket parent, String photoPath) {
        IntakeTicket worked = parent == null ? ticket : parent;
        String notes = notes(worked);
        if (parent != null) {
            notes = "Reported before by someone else and being worked on. " + notes;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_request_id", ticket.getTicketNumber());
        view.put("status", CLOSED.contains(worked.getStatus()) ? "closed" : "open");
        view.put("status_notes", notes);
        view.put("service_name", city.category(ticket.getCategory()).map(c -> c.zh()).orElse(ticket.getCategory()));
        view.put("service_code", ticket.getCategory());
        view.put("description", PublicationPolicy.description(ticket.getDescription()));
        view.put("agency_responsible", worked.getUnitName());
        view.put("service_notice", null);
        view.put("requested_datetime", datetime(ticket.getReceivedAt()));
        view.put("updated_datetime", datetime(latest(ticket.getUpdatedAt(), worked.getUpdatedAt())));
        view.put("expected_datetime", CLOSED.contains(worked.getStatus()) ? null : datetime(worked.getExpectedAt()));
        view.put("address", null);
        view.put("address_id", null);
        view.put("zipcode", null);
        view.put("lat", PublicationPolicy.coarse(ticket.getLat()));
        view.put("long", PublicationPolicy.coarse(ticket.getLon()));
        view.put("media_url", photoPath == null ? null : mediaOrigin + photoPath);
        return view;
    }

    /**
     * Where a photo's path is read from: the origin of the endpoint's public address when it is configured as one,
     * else nothing, so that the path is relative to wherever the client found the endpoint, as discovery's is.
     */
    private static String originOf(String endpointUrl) {
        URI endpoint = URI.create(endpointUrl);
        return endpoint.getScheme() == null || endpoint.getRawAuthority() == null ? ""
                : endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    }

    private static String notes(IntakeTicket ticket) {
        String unit = ticket.getUnitName() == null ? "the responsible unit" : ticket.getUnitName();
        return switch (ticket.getStatus()) {
            case "RECEIVED", "LINKED" -> "Received; being routed to the responsible unit.";
            case "ASSIGNED" -> "Assigned to " + unit + ".";
            case "ACCEPTED" -> unit + " is working on it.";
            case "REJECTED" -> "Returned by the unit it was sent to; being routed again.";
            case "EXTENDED" -> unit + " was given more time to resolve it.";
            case "ESCALATED" -> "Escalated: the hotline centre is supervising " + unit + ".";
            case "REOPENED" -> "Reopened after the citizen's feedback; " + unit + " is working on it again.";
            case "RESOLVED", "CLOSED" -> {
                String reply = PublicationPolicy.reply(ticket.getReply(), ticket.isReplyPublic());
                yield reply == null ? "Resolved by " + unit + "." : reply;
            }
            case "RESOLVED_AT_INTAKE" -> "Answered by the hotline operator during the call.";
            default -> ticket.getStatus();
        };
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    String datetime(Instant instant) {
        return instant == null ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), city.zone()).toString();
    }
}
