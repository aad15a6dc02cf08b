package org.hotline12345.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller is told about a transaction decides whether it may undo what it stored, so each way a transaction
 * can end is told apart. The broker's side of transactions is exercised by intake's integration tests.
 */
class TransactionalPublisherTest {

    static final List<OutgoingEvent> EVENTS = List.of(
            new OutgoingEvent("e-1", "hotline.intake.tickets", "t-1", "TicketReceived", "{}", Instant.EPOCH));

    MockProducer<String, byte[]> producer;
    TransactionalPublisher publisher;

    @BeforeEach
    void producer() {
        producer = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        publisher = new TransactionalPublisher(() -> producer, new EventPublisher(null, "/hotline/test"));
    }

    @Test
    void saysCommittedOnlyWhenTheCommitWasConfirmed() {
        assertThat(publisher.publish(EVENTS).block()).isEqualTo(Delivery.COMMITTED);
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void abortsAndSaysSoWhenTheTransactionFailsBeforeItsCommit() {
        producer.beginTransactionException = new KafkaException("coordinator unavailable");

        assertThat(publisher.publish(EVENTS).block()).isEqualTo(Delivery.ABORTED);
    }

    @Test
    void abortsWhenASendFailedSoTheCommitCouldNotBeAttempted() {
        MockProducer<String, byte[]> refusing = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("the record is too large"));
            }
        };
        refusing.initTransactions();
        refusing.commitTransactionException = new KafkaException("a send failed before the commit");

        assertThat(new TransactionalPublisher(() -> refusing, new EventPublisher(null, "/hotline/test"))
                .publish(EVENTS).block()).isEqualTo(Delivery.ABORTED);
        assertThat(refusing.transactionAborted()).isTrue();
    }

    @Test
    void saysUnknownWhenTheCommitIsRefusedAfterEverySendWasAcknowledged() {
        // a fatal answer to a commit the client sent: Kafka does not promise that such a commit was not made
        producer.commitTransactionException = new InvalidTxnStateException("The producer attempted a transactional "
                + "operation in an invalid state.");

        assertThat(publisher.publish(EVENTS).block()).isEqualTo(Delivery.UNKNOWN);
        assertThat(producer.transactionAborted()).isFalse();
    }

    @Test
    void saysUnknownWhenTheCommitWasSentButNotConfirmed() {
        producer.commitTransactionException = new TimeoutException("no answer to the commit");

        assertThat(publisher.publish(EVENTS).block()).isEqualTo(Delivery.UNKNOWN);
        assertThat(producer.transactionAborted()).isFalse();
    }

    @Test
    void saysAbortedWhenNoProducerCouldBeMade() {
        TransactionalPublisher unreachable = new TransactionalPublisher(() -> {
            throw new TimeoutException("no coordinator within max.block.ms");
        }, new EventPublisher(null, "/hotline/test"));

        assertThat(unreachable.publish(EVENTS).block()).isEqualTo(Delivery.ABORTED);
    }
}
