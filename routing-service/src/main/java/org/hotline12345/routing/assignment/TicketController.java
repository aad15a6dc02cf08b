package org.hotline12345.routing.assignment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hotline12345.contracts.Overdue;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tickets as units and supervisors read them, earliest deadline first. A unit sees only the tickets it holds:
 * any other id is 404, exactly as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
class TicketController {

    /** More repeat calls than this about one ticket say nothing more to the person reading them. */
    private static final int LINKED_SHOWN = 100;
    /**
     * The furthest page a list or the triage queue answers: past it a reader searches instead, and the database is
     * never asked to skip more than {@value #LAST_PAGE} pages of the largest size.
     */
    static final int LAST_PAGE = 1000;
    /** The most tickets a page holds. */
    static final int MOST_PER_PAGE = 200;

    private final ReactiveMongoTemplate mongo;
    private final TicketAccess access;
    private final Clock clock;

    TicketController(ReactiveMongoTemplate mongo, TicketAccess access, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/tickets")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER', 'SUPERVISOR')")
    Flux<TicketView> list(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]+") String status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean dueSoon,
            @RequestParam(required = false) @Pattern(regexp = "open|escalated|returned|reopened|done") String list,
            @RequestParam(defaultValue = "0") @Min(0) @Max(LAST_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MOST_PER_PAGE) int size) {
        Instant now = clock.instant();
        return access.scope().flatMapMany(scope -> {
            Criteria criteria = scope;
            if (status != null) {
                criteria = criteria.and("status").is(status);
            }
            if (Boolean.TRUE.equals(overdue)) {
                criteria = new Criteria().andOperator(criteria, overdueAt(now));
            }
            if (Boolean.TRUE.equals(dueSoon)) {
                criteria = new Criteria().andOperator(criteria, DueSoon.at(now));
            }
            if (list != null) {
                criteria = new Criteria().andOperator(criteria, listed(list));
            }
            Sort order = "done".equals(list) ? Sort.by(Sort.Direction.DESC, "resolvedAt")
                    : Sort.by("resolveBy", "receivedAt");
            return mongo.find(Query.query(criteria).with(order).skip((long) page * size).limit(size),
                    RoutedTicket.class);
        }).map(t -> TicketView.of(t, now));
    }

    @GetMapping("/tickets/{ticketId}")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER', 'SUPERVISOR')")
    Mono<TicketView> one(@PathVariable String ticketId) {
        return access.load(ticketId).map(t -> TicketView.of(t, clock.instant()));
    }

    /**
     * The tickets that joined this one: repeat calls of its caller and other reports of the same incident. A unit
     * sees them for the tickets it holds, as it sees the ticket; 404 for any other.
     */
    @GetMapping("/tickets/{ticketId}/linked")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER', 'SUPERVISOR')")
    Flux<TicketView> linked(@PathVariable String ticketId) {
        Instant now = clock.instant();
        return access.load(ticketId).flatMapMany(parent -> mongo.find(Query.query(new Criteria().orOperator(
                        Criteria.where("repeatOf").is(parent.getId()),
                        Criteria.where("parentIncidentId").is(parent.getId())))
                .with(Sort.by("receivedAt")).limit(LINKED_SHOWN), RoutedTicket.class))
                .map(t -> TicketView.of(t, now));
    }

    /**
     * The centre's triage queue: tickets no rule could place or that too many units returned, oldest first, a page
     * of at most {@value #MOST_PER_PAGE} at a time.
     */
    @GetMapping("/triage")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Flux<TicketView> triage(@RequestParam(defaultValue = "0") @Min(0) @Max(LAST_PAGE) int page,
            @RequestParam(defaultValue = "" + MOST_PER_PAGE) @Min(1) @Max(MOST_PER_PAGE) int size) {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("status").is(TicketStatus.TRIAGE.name()))
                        .with(Sort.by("receivedAt")).skip((long) page * size).limit(size), RoutedTicket.class)
                .map(t -> TicketView.of(t, now));
    }

    /**
     * The lists units and supervisors work from, each among the tickets a unit still holds, so that each reads the
     * open tickets through the status indexes and never the closed history: {@code open} all of them,
     * {@code escalated} those escalated for a missed deadline, {@code returned} those a unit sent back before
     * (with the ones waiting in triage or for the centre's review), {@code reopened} those a citizen's rating sent back; and {@code done},
     * the resolved and closed ones, most recently resolved first (through the status and resolve-time indexes).
     */
    private static Criteria listed(String list) {
        List<String> held = names(TicketStatus.UNRESOLVED);
        return switch (list) {
            case "escalated" -> Criteria.where("status").in(held).and("escalations").gt(0);
            case "returned" -> Criteria.where("status").in(Stream.concat(held.stream(),
                    Stream.of(TicketStatus.TRIAGE.name(), TicketStatus.RETURN_REVIEW.name())).toList())
                    .and("returnedBy.0").exists(true);
            case "reopened" -> Criteria.where("status").in(held).and("reopenings").gt(0);
            case "done" -> Criteria.where("status").in(TicketStatus.RESOLVED.name(), TicketStatus.CLOSED.name());
            default -> Criteria.where("status").in(held);
        };
    }

    private static List<String> names(java.util.Set<TicketStatus> statuses) {
        return statuses.stream().map(TicketStatus::name).sorted().toList();
    }

    /**
     * The tickets {@link RoutedTicket#overdueAt} holds overdue, as a query: for each deadline {@link Overdue} lets
     * run, the tickets in a status where it runs whose deadline lies before {@code now}.
     */
    static Criteria overdueAt(Instant now) {
        return new Criteria().orOperator(Stream.of(Overdue.Running.ACCEPT, Overdue.Running.RESOLVE)
                .map(running -> Criteria.where("status").in(running.statuses().stream().sorted().toList())
                        .and(running == Overdue.Running.ACCEPT ? "acceptBy" : "resolveBy").lt(now))
                .toList());
    }
}
