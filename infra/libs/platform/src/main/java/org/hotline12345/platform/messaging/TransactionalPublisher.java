package org.hotline12345.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ProducerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events in one Kafka transaction and says whether they became visible. Unlike an acknowledged send,
 * whose failure may still have written the record, an aborted transaction is never seen by consumers that read
 * committed records (every service of the hub does), so a caller may safely undo what it stored when the outcome
 * is {@link Delivery#ABORTED}.
 */
public class TransactionalPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TransactionalPublisher.class);

    private final ProducerFactory<String, byte[]> transactionalProducers;
    private final EventPublisher records;

    public TransactionalPublisher(ProducerFactory<String, byte[]> transactionalProducers, EventPublisher records) {
        this.transactionalProducers = transactionalProducers;
        this.records = records;
    }

    /** Publishes {@code entries} in order in one transaction; every Kafka call is bounded by {@code max.block.ms}. */
    public Mono<Delivery> publish(List<OutgoingEvent> entries) {
        return Mono.fromCallable(() -> publishAndWait(entries)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void destroy() throws Exception {
        if (transactionalProducers instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    /**
     * Publishes {@code entries} in order in one transaction on the calling thread, which waits for the outcome: for
     * a thread of the caller's own that groups the events of many callers, never for an event loop.
     */
    public Delivery publishAndWait(List<OutgoingEvent> entries) {
        Producer<String, byte[]> producer;
        try {
            producer = transactionalProducers.createProducer();
        } catch (RuntimeException e) {
            log.warn("No transactional producer (is the broker reachable?); nothing was sent: {}", e.toString());
            return Delivery.ABORTED;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        boolean committing = false;
        try {
            producer.beginTransaction();
            entries.forEach(entry -> sends.add(producer.send(records.record(entry))));
            committing = true;
            producer.commitTransaction();
            return Delivery.COMMITTED;
        } catch (RuntimeException e) {
            if (!committing || anyFailed(sends)) {
                abortQuietly(producer, e);
                return Delivery.ABORTED;
            }
            // the client sends its commit only once every send is acknowledged, and Kafka does not promise that a
            // commit answered with an error (a timeout, or a fatal InvalidTxnStateException) was not made. Told
            // ABORTED, a caller would undo what consumers may see; told UNKNOWN, it keeps it for the sweep.
            log.warn("The transaction of {} events was not confirmed; they stay pending: {}", entries.size(),
                    e.toString());
            return Delivery.UNKNOWN;
        } finally {
            producer.close();
        }
    }

    /** Whether a send was refused, after which the client never sends a commit: the transaction aborts. */
    private static boolean anyFailed(List<Future<RecordMetadata>> sends) {
        for (Future<RecordMetadata> send : sends) {
            if (send.isDone()) {
                try {
                    send.get();
                } catch (ExecutionException | CancellationException e) {
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Only a commit makes records visible, and none was made or attempted: whether or not the abort reaches the
     * coordinator now, it aborts the transaction when its timeout passes.
     */
    private static void abortQuietly(Producer<String, byte[]> producer, RuntimeException cause) {
        try {
            producer.abortTransaction();
            log.warn("Aborted a transaction after {}", cause.toString());
        } catch (RuntimeException e) {
            log.warn("Could not abort a transaction after {}; the coordinator will: {}", cause, e.toString());
        }
    }
}
