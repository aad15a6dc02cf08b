package org.hotline12345.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.hotline12345.platform.messaging.Delivery;
import org.hotline12345.platform.messaging.OutgoingEvent;
import org.hotline12345.platform.messaging.TransactionalPublisher;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The one place a service's saved documents have their staged events published and cleared. Whoever asks (a
 * request, a consumer's batch, the sweep) hands over documents as saved; one publishing thread takes everything
 * waiting at that moment, publishes it in a single Kafka transaction, and clears the published events of all those
 * documents in one bulk write per collection. So a hundred requests arriving together cost one transaction and one
 * write, not a hundred of each, and the events of one document keep their order because one thread publishes.
 * <p>
 * If the transaction aborts, or its outcome is unknown, the events stay on their documents for the sweep; consumers
 * drop the duplicates a republish may cause by event id.
 */
public class OutboxRelay implements DisposableBean {

    /** Events put in one transaction at most, so that a transaction stays well inside the broker's size limits. */
    static final int MOST_EVENTS_PER_TRANSACTION = 2_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** How long the callers of a published group wait for their events to be cleared; the sweep clears the rest. */
    private static final Duration CLEAR_WAIT = Duration.ofSeconds(10);
    private static final Update EMPTY = new Update().set(OutboxDocument.OUTBOX, List.of())
            .unset(OutboxDocument.OUTBOX_SINCE).unset(OutboxDocument.OUTBOX_LEASE)
            .unset(OutboxDocument.OUTBOX_LEASE_HOLDER);

    private final ReactiveMongoTemplate mongo;
    private final TransactionalPublisher transactions;
    /**
     * Lock-free, so that handing over never parks the caller's thread (often an event loop or a driver's I/O
     * thread); the publishing thread is woken with an unpark instead.
     */
    private final Queue<Handover> waiting = new ConcurrentLinkedQueue<>();
    private final Thread publisher;
    private volatile boolean running = true;

    public OutboxRelay(ReactiveMongoTemplate mongo, TransactionalPublisher transactions) {
        this.mongo = mongo;
        this.transactions = transactions;
        this.publisher = new Thread(this::publishWhatWaits, "outbox-publisher");
        this.publisher.setDaemon(true);
        this.publisher.start();
    }

    /**
     * Publishes the pending events of {@code documents} (as saved) in one Kafka transaction, possibly with other
     * callers' events, and clears them once it committed. When the outcome is {@link Delivery#UNKNOWN} they stay
     * pending for the sweep, so the caller may treat them as on their way; only on {@link Delivery#ABORTED} has
     * nobody seen them.
     */
    public Mono<Delivery> publish(Class<? extends OutboxDocument> type,
            Collection<? extends OutboxDocument> documents) {
        List<Pending> pending = new ArrayList<>();
        List<Object> markedEmpty = new ArrayList<>();
        for (OutboxDocument document : documents) {
            if (!document.getOutbox().isEmpty()) {
                pending.add(new Pending(type, idOf(type, document), List.copyOf(document.getOutbox())));
            } else if (document.getOutboxSince() != null) {
                markedEmpty.add(idOf(type, document));
            }
        }
        // marked as waiting with nothing to publish (a clear that stopped half-way): unmarked, or the sweep would
        // claim it again every lease for ever
        Mono<Void> unmarked = markedEmpty.isEmpty() ? Mono.empty()
                : mongo.updateMulti(Query.query(Criteria.where("_id").in(markedEmpty)
                        .and(OutboxDocument.OUTBOX).size(0)), EMPTY, type).then();
        if (pending.isEmpty()) {
            return unmarked.thenReturn(Delivery.COMMITTED);
        }
        return unmarked.then(Mono.<Delivery>create(sink -> {
            if (!running) {
                sink.error(new DependencyUnavailableException("The service is stopping; the events stay pending."));
                return;
            }
            waiting.add(new Handover(pending, sink));
            LockSupport.unpark(publisher);
        }));
    }

    /** {@link #publish(Class, Collection)} of one document. */
    public Mono<Delivery> publish(Class<? extends OutboxDocument> type, OutboxDocument document) {
        return publish(type, List.of(document));
    }

    /**
     * Publishes what {@code documents} staged, failing when the broker did not take it: for a caller that must
     * not go on as if its events were out (a consumer, which then has its record tried again). An unknown outcome
     * counts as out, since the sweep finishes it.
     */
    public Mono<Void> flush(Class<? extends OutboxDocument> type, Collection<? extends OutboxDocument> documents) {
        return publish(type, documents).flatMap(delivery -> delivery == Delivery.ABORTED
                ? Mono.error(new DependencyUnavailableException("The event broker did not take the events; they stay "
                        + "pending and are published again."))
                : Mono.empty());
    }

    /** {@link #flush(Class, Collection)} of one document. */
    public Mono<Void> flush(Class<? extends OutboxDocument> type, OutboxDocument document) {
        return flush(type, List.of(document));
    }

    /** Publishes and clears the pending events of the document {@code id} of {@code type}, as stored now. */
    public Mono<Void> flush(Class<? extends OutboxDocument> type, Object id) {
        return mongo.findById(id, type).flatMap(document -> flush(type, document));
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        publisher.interrupt();
        publisher.join(TimeUnit.SECONDS.toMillis(10));
        Handover left;
        while ((left = waiting.poll()) != null) {
            left.sink().error(new DependencyUnavailableException("The service is stopping; the events stay pending."));
        }
    }

    private void publishWhatWaits() {
        while (running) {
            List<Handover> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                return;
            }
            try {
                publish(group);
            } catch (Throwable e) {
                // the one publishing thread must outlive whatever a group does to it, or every caller would wait;
                // a sink already answered ignores this
                log.error("Publishing a group of events failed unexpectedly; its callers are told ABORTED", e);
                group.forEach(handover -> handover.sink().success(Delivery.ABORTED));
            }
        }
    }

    private void publish(List<Handover> group) {
        List<Pending> pending = group.stream().flatMap(handover -> handover.pending().stream()).toList();
        Delivery delivery;
        try {
            delivery = transactions.publishAndWait(pending.stream()
                    .flatMap(document -> document.events().stream()).toList());
        } catch (RuntimeException e) {
            log.warn("Publishing {} documents' events failed; they stay pending", pending.size(), e);
            delivery = Delivery.ABORTED;
        }
        if (delivery != Delivery.COMMITTED) {
            Delivery outcome = delivery;
            group.forEach(handover -> handover.sink().success(outcome));
            return;
        }
        // the callers are answered once the clear is done or has given up: then a retry of theirs finds the events
        // cleared, or the sweep publishes them again
        clear(pending).timeout(CLEAR_WAIT).onErrorResume(e -> {
            log.warn("Published the events of {} documents but could not clear them; the sweep will publish "
                    + "them again", pending.size(), e);
            return Mono.empty();
        }).doFinally(signal -> group.forEach(handover -> handover.sink().success(Delivery.COMMITTED)))
                .subscribe();
    }

    /** Waits for a first handover, then takes every other one waiting, up to the events of one transaction. */
    private List<Handover> nextGroup() throws InterruptedException {
        List<Handover> group = new ArrayList<>();
        Handover first;
        while ((first = waiting.poll()) == null) {
            // an unpark that came before this park makes it return at once, so no handover is ever missed
            LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        group.add(first);
        int events = first.events();
        Handover next;
        while (events < MOST_EVENTS_PER_TRANSACTION && (next = waiting.poll()) != null) {
            group.add(next);
            events += next.events();
        }
        return group;
    }

    /** Removes exactly the published events from their documents, one collection after the other. */
    private Mono<Void> clear(List<Pending> published) {
        Map<Class<? extends OutboxDocument>, List<Pending>> byType = new LinkedHashMap<>();
        published.forEach(document -> byType.computeIfAbsent(document.type(), type -> new ArrayList<>())
                .add(document));
        return Flux.fromIterable(byType.entrySet())
                .concatMap(entry -> clear(entry.getKey(), entry.getValue())).then();
    }

    /**
     * Nearly always a document has staged nothing since it was handed over: one write each empties those, matching
     * only while the outbox holds exactly the published events, so that an event staged meanwhile is never lost.
     * The others, found with one read, keep their later events and the waiting mark.
     */
    private Mono<Void> clear(Class<? extends OutboxDocument> type, List<Pending> documents) {
        ReactiveBulkOperations emptied = mongo.bulkOps(BulkMode.UNORDERED, type);
        documents.forEach(document -> emptied.updateOne(Query.query(Criteria.where("_id").is(document.id())
                .and(OutboxDocument.OUTBOX).size(document.events().size())
                .and(OutboxDocument.OUTBOX + ".eventId").all(document.eventIds())), EMPTY));
        return emptied.execute().flatMap(result -> result.getMatchedCount() == documents.size()
                ? Mono.empty()
                : stagedSince(type, documents).flatMap(left -> pull(type, left)));
    }

    private Mono<List<Pending>> stagedSince(Class<? extends OutboxDocument> type, List<Pending> documents) {
        log.debug("Some of {} {} documents staged more events since they were handed over", documents.size(),
                type.getSimpleName());
        // a document handed over twice in one group (a request's save and the sweep's claim) has both pulled
        Map<Object, Pending> byId = new LinkedHashMap<>();
        documents.forEach(document -> byId.merge(document.id(), document, Pending::with));
        Query left = Query.query(Criteria.where("_id").in(byId.keySet())
                .and(OutboxDocument.OUTBOX + ".eventId").in(documents.stream()
                        .flatMap(document -> document.eventIds().stream()).toList()));
        return mongo.find(left, type).map(found -> byId.get(idOf(type, found))).collectList();
    }

    /** Pulls the published events, then unmarks those left with none: one ordered bulk write. */
    private Mono<Void> pull(Class<? extends OutboxDocument> type, List<Pending> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, type);
        for (Pending document : documents) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(document.id())), new Update()
                    .pull(OutboxDocument.OUTBOX, Query.query(Criteria.where("eventId").in(document.eventIds())))
                    .unset(OutboxDocument.OUTBOX_LEASE).unset(OutboxDocument.OUTBOX_LEASE_HOLDER));
        }
        for (Pending document : documents) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(document.id()).and(OutboxDocument.OUTBOX).size(0)),
                    new Update().unset(OutboxDocument.OUTBOX_SINCE));
        }
        return bulk.execute().then();
    }

    private Object idOf(Class<? extends OutboxDocument> type, Object document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .getIdentifierAccessor(document).getRequiredIdentifier();
    }

    /** The events one document waits to have published. */
    private record Pending(Class<? extends OutboxDocument> type, Object id, List<OutgoingEvent> events) {

        List<String> eventIds() {
            return events.stream().map(OutgoingEvent::eventId).toList();
        }

        /** This document's events and those of another hand-over of it, each once. */
        Pending with(Pending other) {
            Map<String, OutgoingEvent> union = new LinkedHashMap<>();
            events.forEach(event -> union.put(event.eventId(), event));
            other.events().forEach(event -> union.putIfAbsent(event.eventId(), event));
            return new Pending(type, id, List.copyOf(union.values()));
        }
    }

    /** What one caller handed over, and where its outcome goes. */
    private record Handover(List<Pending> pending, MonoSink<Delivery> sink) {

        int events() {
            return pending.stream().mapToInt(document -> document.events().size()).sum();
        }
    }
}
