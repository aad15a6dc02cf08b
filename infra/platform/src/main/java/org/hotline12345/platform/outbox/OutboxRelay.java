package org.hotline12345.platform.outbox;

import java.util.List;
import org.hotline12345.platform.messaging.Delivery;
import org.hotline12345.platform.messaging.EventPublisher;
import org.hotline12345.platform.messaging.OutgoingEvent;
import org.hotline12345.platform.messaging.TransactionalPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the pending events of one document in order and then removes exactly those from it. If publishing
 * fails the events stay, and the sweep or the next flush publishes them again; consumers drop the duplicates a
 * retry may cause by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final EventPublisher publisher;
    private final TransactionalPublisher transactions;

    public OutboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, TransactionalPublisher transactions) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /**
     * Publishes the pending events of {@code document} in one Kafka transaction and clears them once it committed.
     * When the outcome is {@link Delivery#UNKNOWN} they stay pending for the sweep, so the caller may treat them as
     * on their way; only on {@link Delivery#ABORTED} has nobody seen them.
     */
    public Mono<Delivery> flushInTransaction(Class<? extends OutboxDocument> type, Object id,
            OutboxDocument document) {
        List<OutgoingEvent> pending = List.copyOf(document.getOutbox());
        if (pending.isEmpty()) {
            return Mono.just(Delivery.COMMITTED);
        }
        return transactions.publish(pending).flatMap(delivery -> delivery == Delivery.COMMITTED
                ? clear(type, id, pending).onErrorResume(e -> {
                    log.warn("Published the events of {} but could not clear them; the sweep will publish them "
                            + "again", id, e);
                    return Mono.empty();
                }).thenReturn(delivery)
                : Mono.just(delivery));
    }

    /** Publishes and clears the pending events of the document {@code id} of {@code type}. */
    public Mono<Void> flush(Class<? extends OutboxDocument> type, Object id) {
        return mongo.findById(id, type).flatMap(document -> flush(type, id, document.getOutbox()));
    }

    Mono<Void> flush(Class<? extends OutboxDocument> type, Object id, List<OutgoingEvent> pending) {
        if (pending.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(pending)
                .concatMap(publisher::publish)
                .then(Mono.defer(() -> clear(type, id, pending)))
                .doOnSuccess(ignored -> log.debug("Published {} events of {}", pending.size(), id));
    }

    private Mono<Void> clear(Class<? extends OutboxDocument> type, Object id, List<OutgoingEvent> published) {
        List<String> ids = published.stream().map(OutgoingEvent::eventId).toList();
        Query query = Query.query(Criteria.where("_id").is(id));
        Update update = new Update()
                .pull(OutboxDocument.OUTBOX, Query.query(Criteria.where("eventId").in(ids)))
                .unset(OutboxDocument.OUTBOX_LEASE);
        return mongo.updateFirst(query, update, type)
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(id)
                                .and(OutboxDocument.OUTBOX).size(0)),
                        new Update().unset(OutboxDocument.OUTBOX_SINCE), type))
                .then();
    }
}
