package org.hotline12345.routing.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hotline12345.routing.assignment.Tickets;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.hotline12345.routing.lifecycle.Transition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the tickets with a deadline due and lets each act on it ({@link RoutedTicket#chaseDeadlines}): reminders,
 * escalations (督办), closing a resolved ticket the citizen did not rate in time. Each ticket is saved under its
 * version: when several routing instances sweep at once, or a unit changes the ticket meanwhile, only one write
 * wins and the other is dropped (the next pass finds whatever is still due), so every reminder and escalation
 * happens once and nobody's change is undone.
 */
@Component
public class DeadlineSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final Tickets tickets;
    private final Clock clock;
    /** Which tickets may have a deadline due; each query is served by one status-and-deadline index. */
    private final List<Sweep> sweeps = List.of(
            new Sweep("accept reminder", now -> statusIn(Transition.CHASE_ACCEPT.from())
                    .and("acceptRemindAt").lte(now).and("acceptReminded").ne(true)),
            new Sweep("accept overdue", now -> statusIn(Transition.CHASE_ACCEPT.from())
                    .and("acceptBy").lte(now).and("acceptEscalated").ne(true)),
            new Sweep("resolve reminder", now -> statusIn(Transition.CHASE_RESOLUTION.from())
                    .and("resolveRemindAt").lte(now).and("resolveReminded").ne(true)),
            new Sweep("resolve overdue", now -> statusIn(Transition.CHASE_RESOLUTION.from())
                    .and("resolveBy").lte(now).and("resolveEscalated").ne(true)),
            new Sweep("feedback window", now -> statusIn(Transition.CLOSE.from()).and("feedbackDueAt").lte(now)));

    DeadlineSweeper(ReactiveMongoTemplate mongo, Tickets tickets, Clock clock, WorkflowProperties settings) {
        super("Deadline sweep (deadlines acted on)", settings.sweepInterval());
        this.mongo = mongo;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** One pass of every sweep; completes with the number of deadlines acted on. */
    @Override
    public Mono<Long> runOnce() {
        Instant now = clock.instant();
        return Flux.fromIterable(sweeps).concatMap(sweep -> run(sweep, now)).reduce(0L, Long::sum);
    }

    private Mono<Long> run(Sweep sweep, Instant now) {
        Query due = Query.query(sweep.due().apply(now)).limit(BATCH);
        due.fields().include("_id");
        // each ticket is read again just before it acts, so that its save does not carry back a copy of its
        // outbox or lease that is seconds old by the time the batch reaches it
        return mongo.find(due, RoutedTicket.class)
                .concatMap(candidate -> mongo.findById(candidate.getId(), RoutedTicket.class))
                .concatMap(ticket -> chase(ticket, now))
                .reduce(0L, Long::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("{}: {} deadlines acted on", sweep.name(), count);
                    }
                });
    }

    /** Saves what the ticket did about its deadlines; a lost race with another write acts on nothing. */
    private Mono<Long> chase(RoutedTicket ticket, Instant now) {
        int acted = ticket.chaseDeadlines(now);
        if (acted == 0) {
            return Mono.just(0L);
        }
        return tickets.save(ticket).thenReturn((long) acted)
                .onErrorResume(OptimisticLockingFailureException.class, changedMeanwhile -> Mono.just(0L));
    }

    private static Criteria statusIn(Set<TicketStatus> states) {
        List<String> names = states.stream().map(TicketStatus::name).sorted().toList();
        return names.size() == 1 ? Criteria.where("status").is(names.get(0)) : Criteria.where("status").in(names);
    }

    /** One kind of deadline: which tickets may have it due. */
    private record Sweep(String name, Function<Instant, Criteria> due) {
    }
}
