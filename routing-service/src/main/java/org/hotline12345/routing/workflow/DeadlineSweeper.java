package org.hotline12345.routing.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketDeadlineApproaching;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.outbox.OutboxEntry;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the tickets whose deadlines are near or past and acts on each once: a reminder at 80% of the time, an
 * escalation (督办) when the deadline passes, and closing a resolved ticket the citizen did not rate in time.
 * Each action is one conditional single-document write that also stages the event and bumps the version: when
 * several routing instances sweep at once, only one write matches, so every reminder and escalation happens once,
 * and a unit's concurrent save of the same ticket fails its version check instead of undoing it.
 */
@Component
public class DeadlineSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    private static final int BATCH = 500;
    private static final List<String> UNRESOLVED = List.of("ASSIGNED", "ACCEPTED", "EXTENDED", "REOPENED");

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final List<Sweep> sweeps;

    DeadlineSweeper(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock, WorkflowProperties settings) {
        super("Deadline sweep (tickets acted on)", settings.sweepInterval());
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.sweeps = List.of(
                new Sweep("accept reminder", now -> Criteria.where("status").is("ASSIGNED")
                        .and("acceptRemindAt").lte(now).and("acceptReminded").ne(true),
                        "acceptReminded", (t, now) -> new TicketDeadlineApproaching(EventIds.of(t.getId(),
                                "TicketDeadlineApproaching", "ACCEPT@" + t.getAcceptBy()), now, t.getId(),
                                t.getUnitId(), "ACCEPT", t.getAcceptBy())),
                new Sweep("accept overdue", now -> Criteria.where("status").is("ASSIGNED")
                        .and("acceptBy").lte(now).and("acceptEscalated").ne(true),
                        "acceptEscalated", (t, now) -> new TicketEscalated(EventIds.of(t.getId(),
                                "TicketEscalated", "ACCEPT_OVERDUE@" + t.getAcceptBy()), now, t.getId(),
                                t.getUnitId(), "ACCEPT_OVERDUE", t.getAcceptBy())),
                new Sweep("resolve reminder", now -> Criteria.where("status").in(UNRESOLVED)
                        .and("resolveRemindAt").lte(now).and("resolveReminded").ne(true),
                        "resolveReminded", (t, now) -> new TicketDeadlineApproaching(EventIds.of(t.getId(),
                                "TicketDeadlineApproaching", "RESOLVE@" + t.getResolveBy()), now, t.getId(),
                                t.getUnitId(), "RESOLVE", t.getResolveBy())),
                new Sweep("resolve overdue", now -> Criteria.where("status").in(UNRESOLVED)
                        .and("resolveBy").lte(now).and("resolveEscalated").ne(true),
                        "resolveEscalated", (t, now) -> new TicketEscalated(EventIds.of(t.getId(),
                                "TicketEscalated", "RESOLVE_OVERDUE@" + t.getResolveBy()), now, t.getId(),
                                t.getUnitId(), "RESOLVE_OVERDUE", t.getResolveBy())),
                new Sweep("feedback window", now -> Criteria.where("status").is("RESOLVED")
                        .and("feedbackDueAt").lte(now),
                        null, (t, now) -> new TicketClosed(EventIds.of(t.getId(), "TicketClosed", 1), now,
                                t.getId(), t.getUnitId(), "FEEDBACK_WINDOW_PASSED")));
    }

    /** One pass of every sweep; completes with the number of tickets acted on. */
    @Override
    public Mono<Long> runOnce() {
        Instant now = clock.instant();
        return Flux.fromIterable(sweeps).concatMap(sweep -> run(sweep, now)).reduce(0L, Long::sum);
    }

    private Mono<Long> run(Sweep sweep, Instant now) {
        Criteria due = sweep.due().apply(now);
        return mongo.find(Query.query(due).limit(BATCH), RoutedTicket.class)
                .concatMap(ticket -> claim(sweep, due, ticket, now))
                .filter(Boolean::booleanValue)
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("{}: {} tickets", sweep.name(), count);
                    }
                });
    }

    /** Acts on one ticket if it is still due: the condition and the change are one write. */
    private Mono<Boolean> claim(Sweep sweep, Criteria due, RoutedTicket ticket, Instant now) {
        HotlineEvent event = sweep.event().apply(ticket, now);
        Update update = new Update()
                .push(OutboxDocument.OUTBOX, OutboxEntry.of(event))
                .set(OutboxDocument.OUTBOX_SINCE, now)
                .inc("version", 1);
        if (sweep.flag() != null) {
            update.set(sweep.flag(), true);
        }
        if (event instanceof TicketEscalated) {
            update.inc("escalations", 1);
        }
        if (event instanceof TicketClosed) {
            update.set("status", "CLOSED").set("closedAt", now);
        }
        Query stillDue = Query.query(Criteria.where("_id").is(ticket.getId())).addCriteria(due);
        return mongo.updateFirst(stillDue, update, RoutedTicket.class)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? relay.flush(RoutedTicket.class, ticket.getId()).thenReturn(true)
                        : Mono.just(false));
    }

    /** One kind of deadline action: which tickets are due, the flag that marks it done, and its event. */
    private record Sweep(String name, Function<Instant, Criteria> due, String flag,
            BiFunction<RoutedTicket, Instant, HotlineEvent> event) {
    }
}
