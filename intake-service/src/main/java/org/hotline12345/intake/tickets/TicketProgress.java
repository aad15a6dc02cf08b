package org.hotline12345.intake.tickets;

import java.util.List;
import java.util.Map;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.intake.tickets.TicketLinks;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows each ticket's lifecycle so that intake can tell callers where their ticket stands: status, handling
 * unit, the unit's reply and the timeline; and the supporting units of its current assignment, for its photos. A
 * ticket's events arrive in order because they share its partition; a
 * redelivered event finds its id among those seen and changes nothing.
 */
@Service
public class TicketProgress {

    /** What the caller is told after each event; events not listed (reminders) change nothing they see. */
    private static final Map<Class<? extends TicketLifecycleEvent>, String> STATUS_AFTER = Map.of(
            TicketAssigned.class, "ASSIGNED", TicketAccepted.class, "ACCEPTED", TicketRejected.class, "REJECTED",
            TicketExtended.class, "EXTENDED", TicketResolved.class, "RESOLVED", TicketEscalated.class, "ESCALATED",
            TicketReopened.class, "REOPENED", TicketClosed.class, "CLOSED");

    private final ReactiveMongoTemplate mongo;
    private final TicketLinks links;

    TicketProgress(ReactiveMongoTemplate mongo, TicketLinks links) {
        this.mongo = mongo;
        this.links = links;
    }

    /** Follows one event; see {@link #follow(List)}. */
    Mono<Void> follow(TicketLifecycleEvent event) {
        return follow(List.of(event));
    }

    /**
     * Follows a batch of events in one ordered bulk write, each update guarded by its event id so that a redelivered
     * one changes nothing; tickets closed in the batch are then no longer ones that later calls repeat or join.
     */
    public Mono<Void> follow(List<? extends TicketLifecycleEvent> events) {
        List<TicketLifecycleEvent> shown = events.stream().filter(event -> statusAfter(event) != null)
                .map(TicketLifecycleEvent.class::cast).toList();
        if (shown.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, IntakeTicket.class);
        shown.forEach(event -> bulk.updateOne(Query.query(Criteria.where("_id").is(event.ticketId())
                .and("seenEvents").ne(event.eventId())), update(event)));
        return bulk.execute().thenMany(Flux.fromIterable(shown).filter(TicketClosed.class::isInstance)
                .concatMap(closed -> links.settled(closed.ticketId()))).then();
    }

    /**
     * The status the citizen sees after {@code event}, {@code null} for an event that changes none: a return the
     * centre turned down puts the ticket back where the unit returned it from (a return upheld is followed by the
     * ticket's new assignment).
     */
    private static String statusAfter(TicketLifecycleEvent event) {
        if (event instanceof ReturnRejected rejected) {
            return rejected.backTo() != null ? rejected.backTo() : "ASSIGNED";
        }
        return STATUS_AFTER.get(event.getClass());
    }

    private static Update update(TicketLifecycleEvent event) {
        String status = statusAfter(event);
        Update update = new Update().set("status", status).set("updatedAt", event.occurredAt())
                .push("timeline", new IntakeTicket.Step(status, event.occurredAt()))
                .addToSet("seenEvents", event.eventId());
        if (event instanceof TicketAssigned assigned) {
            update.set("unitId", assigned.unitId()).set("unitName", assigned.unitName())
                    .set("supportingUnitIds", assigned.coUnitIds()).set("expectedAt", assigned.resolveBy());
        }
        if (event instanceof TicketExtended extended) {
            update.set("expectedAt", extended.resolveBy());
        }
        if (event instanceof TicketReopened reopened) {
            update.set("expectedAt", reopened.resolveBy()).unset("reply").set("replyPublic", false);
        }
        if (event instanceof TicketResolved resolved) {
            update.set("reply", resolved.reply()).set("replyPublic", resolved.mayPublishReply());
        }
        return update;
    }
}
