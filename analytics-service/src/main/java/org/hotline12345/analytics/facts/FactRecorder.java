package org.hotline12345.analytics.facts;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applies the events of a batch to their tickets' facts, each event once: one read of the batch's facts tells
 * which events each fact has seen (their ids) and which round it is rated for; the changes of the others are
 * folded per ticket in the order the events came ({@link FactWrite}), and one bulk write inserts the facts that do
 * not exist yet and updates the others, each update guarded by the ids of its events (and by the rating's round)
 * so that it applies only to a fact that still has not seen them. When a guard does not match or an insert
 * collides, another consumer wrote the same fact meanwhile (a redelivery, or the first events of a ticket on two
 * topics at once): the batch is read and decided again, and what is applied by then is not applied twice.
 *
 * <p>A write that changes a field the rollups count makes the fact {@link Fields#PENDING}, which is how the
 * rollups learn of it. An event that changed its fact is counted for Prometheus, so the hub's business counters
 * ({@code hotline_tickets_*_total}, {@code hotline_feedback_received_total}) count each event once however often
 * it is delivered; only two deliveries of one event written at the same moment may both count it.
 */
@Service
public class FactRecorder {

    public static final String COLLECTION = "facts";

    /** Far more than two consumers writing one fact at once ever need; beyond, the batch is tried again later. */
    private static final int MOST_ATTEMPTS = 8;

    private final ReactiveMongoTemplate mongo;
    private final MeterRegistry meters;
    private final City city;

    FactRecorder(ReactiveMongoTemplate mongo, MeterRegistry meters, City city) {
        this.city = city;
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Completes with {@code true} when the event changed the fact, {@code false} when it had been applied. */
    public Mono<Boolean> record(HotlineEvent event) {
        return record(List.of(event)).map(applied -> applied.contains(event.eventId()));
    }

    /**
     * Applies {@code events}, in their order for each ticket; completes with the ids of those that changed their
     * facts now, the others having been applied before.
     */
    public Mono<Set<String>> record(List<? extends HotlineEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(Set.of());
        }
        return Mono.defer(() -> attempt(events, Set.of(), new HashSet<>(), 1)).doOnNext(applied -> {
            Set<String> counted = new HashSet<>();
            events.stream().filter(event -> applied.contains(event.eventId()) && counted.add(event.eventId()))
                    .forEach(this::count);
        });
    }

    /**
     * One read and one write of the facts of {@code events}. {@code unsure} are the events of a write that did not
     * all apply: those the facts now hold were applied by it (or by another delivery at that moment).
     */
    private Mono<Set<String>> attempt(List<? extends HotlineEvent> events, Set<String> unsure, Set<String> applied,
            int attempt) {
        Map<String, List<HotlineEvent>> byTicket = new LinkedHashMap<>();
        events.forEach(event -> byTicket.computeIfAbsent(event.ticketId(), t -> new ArrayList<>()).add(event));
        Query read = Query.query(Criteria.where(Fields.ID).in(byTicket.keySet()));
        read.fields().include(Fields.EVENT_IDS, Fields.RATED_ROUND);
        return mongo.find(read, Document.class, COLLECTION).collectMap(fact -> fact.getString(Fields.ID))
                .flatMap(stored -> {
                    List<FactWrite> updates = new ArrayList<>();
                    List<FactWrite> inserts = new ArrayList<>();
                    byTicket.forEach((ticketId, its) -> {
                        Document fact = stored.get(ticketId);
                        Set<String> seen = new HashSet<>(fact == null ? List.of()
                                : fact.getList(Fields.EVENT_IDS, String.class, List.of()));
                        its.stream().map(HotlineEvent::eventId).filter(id -> seen.contains(id) && unsure.contains(id))
                                .forEach(applied::add);
                        FactWrite write = decide(ticketId, its, fact, seen);
                        if (!write.isEmpty()) {
                            (fact == null ? inserts : updates).add(write);
                        }
                    });
                    if (updates.isEmpty() && inserts.isEmpty()) {
                        return Mono.just(applied);
                    }
                    Set<String> written = new HashSet<>();
                    updates.forEach(write -> written.addAll(write.eventIds()));
                    inserts.forEach(write -> written.addAll(write.eventIds()));
                    return write(updates, inserts).flatMap(allApplied -> {
                        if (allApplied) {
                            applied.addAll(written);
                            return Mono.just(applied);
                        }
                        if (attempt >= MOST_ATTEMPTS) {
                            return Mono.error(new OptimisticLockingFailureException("The facts of " + byTicket.size()
                                    + " tickets kept changing under " + attempt + " writes"));
                        }
                        return attempt(events, written, applied, attempt + 1);
                    });
                });
    }

    /**
     * The write of a ticket's events that its fact ({@code null} if none) has not seen: {@code seen} holds the ids
     * of those it has, and takes the ids decided here, so that an event twice in the batch is written once. A
     * rating is written unless the fact, or an event before it, holds one of a later resolution round: a late
     * answer to an earlier round of a reopened ticket does not replace the answer that counts.
     */
    private FactWrite decide(String ticketId, List<HotlineEvent> events, Document fact, Set<String> seen) {
        FactWrite write = new FactWrite(ticketId);
        Integer latestRound = fact != null && fact.get(Fields.RATED_ROUND) instanceof Number n ? n.intValue() : null;
        for (HotlineEvent event : events) {
            if (!seen.add(event.eventId())) {
                continue;
            }
            write.apply(event.eventId(), event.occurredAt(), FactUpdates.of(event, city));
            if (event instanceof FeedbackReceived f && (latestRound == null || f.answersRound() >= latestRound)) {
                write.rate(FactUpdates.rating(f), f.answersRound());
                latestRound = f.answersRound();
            }
        }
        return write;
    }

    /**
     * One bulk write of the facts; completes with whether every insert and every guarded update applied. An insert
     * that collides means the fact was made meanwhile by another event of its ticket.
     */
    private Mono<Boolean> write(List<FactWrite> updates, List<FactWrite> inserts) {
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        inserts.forEach(write -> bulk.insert(write.newFact()));
        updates.forEach(write -> bulk.updateOne(notYetApplied(write), update(write)));
        return bulk.execute()
                .map(result -> result.getInsertedCount() == inserts.size()
                        && result.getMatchedCount() == updates.size())
                .onErrorResume(FactRecorder::collidedOnly, collided -> Mono.just(false));
    }

    private static Query notYetApplied(FactWrite write) {
        Criteria guard = Criteria.where(Fields.ID).is(write.ticketId()).and(Fields.EVENT_IDS).nin(write.eventIds());
        if (write.ratedRound() != null) {
            // a fact without a rating has no round: null matches the missing field, which $exists would scan for
            guard = guard.orOperator(Criteria.where(Fields.RATED_ROUND).is(null),
                    Criteria.where(Fields.RATED_ROUND).lte(write.ratedRound()));
        }
        return Query.query(guard);
    }

    private static Update update(FactWrite write) {
        Update update = new Update();
        write.set().forEach(update::set);
        write.unset().forEach(update::unset);
        write.increment().forEach(update::inc);
        write.addToSet().forEach((field, values) -> update.addToSet(field).each(values.toArray()));
        update.addToSet(Fields.EVENT_IDS).each(write.eventIds().toArray());
        update.set(Fields.UPDATED_AT, write.updatedAt());
        if (write.changesCounted()) {
            update.set(Fields.PENDING, true).inc(Fields.VERSION, 1L);
        }
        return update;
    }

    /** Whether every write that failed failed on a duplicate id: a fact inserted by another consumer meanwhile. */
    private static boolean collidedOnly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteConcernError() == null && bulk.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode())
                                == ErrorCategory.DUPLICATE_KEY);
            }
        }
        return failure instanceof DuplicateKeyException;
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
