package org.hotline12345.analytics.facts;

import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.MeterRegistry;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.referencedata.City;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies an event to its ticket's fact exactly once: the update only matches a fact that has not seen the event
 * id, and records it; when it matches nothing the fact is created (if missing) and the update tried once more,
 * and nothing matching then means the event was applied before. The day the ticket was received is then marked
 * changed, so that its rollups are counted again. An event that changed the fact is counted for Prometheus then,
 * so the hub's business counters ({@code hotline_tickets_*_total}, {@code hotline_feedback_received_total}) count
 * each event once however often it is delivered.
 */
@Service
public class FactRecorder {

    public static final String COLLECTION = "facts";

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;
    private final ChangedDays rollups;
    private final City city;

    FactRecorder(ReactiveMongoTemplate mongo, MeterRegistry meters, ChangedDays rollups, City city) {
        this.city = city;
        this.mongo = mongo;
        this.meters = meters;
        this.rollups = rollups;
    }

    /** Completes with {@code true} when the event changed the fact, {@code false} when it had been applied. */
    public Mono<Boolean> record(HotlineEvent event) {
        FactUpdates.Change change = FactUpdates.of(event, city);
        Update update = new Update().addToSet(Fields.EVENT_IDS, event.eventId())
                .set(Fields.UPDATED_AT, event.occurredAt());
        change.set().forEach(update::set);
        change.unset().forEach(update::unset);
        change.increment().forEach(update::inc);
        change.addToSet().forEach(update::addToSet);
        Query notYetApplied = Query.query(Criteria.where(Fields.ID).is(event.ticketId()).and(Fields.EVENT_IDS)
                .ne(event.eventId()));
        Mono<org.bson.Document> apply = Mono.defer(() -> mongo.findAndModify(notYetApplied, update,
                FindAndModifyOptions.options().returnNew(true), org.bson.Document.class, COLLECTION));
        Mono<Void> rated = event instanceof FeedbackReceived f ? rate(f) : Mono.empty();
        return rated.then(apply)
                .switchIfEmpty(Mono.defer(() -> createIfMissing(event.ticketId()).then(apply)))
                .flatMap(fact -> rollups.markChanged(fact.getString(Fields.RECEIVED_DAY)).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> markChangedAgain(event.ticketId()).thenReturn(false)))
                .doOnNext(applied -> {
                    if (applied) {
                        count(event);
                    }
                });
    }

    /**
     * Makes sure the ticket's fact exists. Upserting by the id alone, and the apply never upserting, is what keeps
     * two events that create one fact at once from losing one: the loser of the insert gets a duplicate key, which
     * here can only mean the fact now exists, and its apply then matches it.
     */
    private Mono<Void> createIfMissing(String ticketId) {
        return mongo.upsert(Query.query(Criteria.where(Fields.ID).is(ticketId)),
                        new Update().setOnInsert(Fields.ID, ticketId),
                        COLLECTION)
                .onErrorResume(DuplicateKeyException.class, created -> Mono.empty())
                .then();
    }

    /**
     * Writes the citizen's rating unless the fact holds one of a later resolution round already: a late or
     * redelivered answer to an earlier round of a reopened ticket does not replace the answer that counts. Written
     * before the event is recorded as applied, so a failure in between is mended by the redelivery, and writing the
     * same rating twice changes nothing.
     */
    private Mono<Void> rate(FeedbackReceived f) {
        Update rating = new Update();
        FactUpdates.rating(f).forEach(rating::set);
        Query notRatedLater = Query.query(Criteria.where(Fields.ID).is(f.ticketId()).orOperator(
                Criteria.where(Fields.RATED_ROUND).exists(false), Criteria.where(Fields.RATED_ROUND)
                        .lte(f.answersRound())));
        Mono<Long> write = Mono.defer(() -> mongo.updateFirst(notRatedLater, rating, COLLECTION))
                .map(UpdateResult::getMatchedCount);
        // the fact nearly always exists when its ticket is rated: it is made here only when the write found none
        return write.filter(matched -> matched == 0)
                .flatMap(none -> createIfMissing(f.ticketId()).then(write))
                .then();
    }

    /** An event applied before may have been redelivered because marking its day failed: mark it again. */
    private Mono<Void> markChangedAgain(String ticketId) {
        return mongo.findById(ticketId, org.bson.Document.class, COLLECTION)
                .flatMap(fact -> rollups.markChanged(fact.getString(Fields.RECEIVED_DAY)))
                .then();
    }

    private void count(HotlineEvent event) {
        if (event instanceof TicketReceived r) {
            meters.counter("hotline.tickets.received", "channel", r.channel().name(), "category", r.category())
                    .increment();
        } else if (event instanceof TicketAssigned a) {
            meters.counter("hotline.tickets.assigned", "unit", a.unitId(), "priority", a.priority().name())
                    .increment();
        } else if (event instanceof FeedbackReceived f) {
            meters.counter("hotline.feedback.received", "satisfaction", f.satisfaction().name(),
                    "solved", String.valueOf(f.solved())).increment();
        } else if (event instanceof TicketEscalated e) {
            meters.counter("hotline.tickets.escalated", "reason", e.reason()).increment();
        } else if (event instanceof TicketRejected r) {
            meters.counter("hotline.tickets.returned", "unit", r.unitId()).increment();
        } else if (event instanceof TicketResolved r) {
            meters.counter("hotline.tickets.resolved", "unit", r.unitId(), "on_time", String.valueOf(r.onTime()))
                    .increment();
        } else if (event instanceof TicketReopened r) {
            meters.counter("hotline.tickets.reopened", "unit", r.unitId()).increment();
        } else if (event instanceof TicketClosed c) {
            meters.counter("hotline.tickets.closed", "reason", c.reason()).increment();
        }
    }
}
