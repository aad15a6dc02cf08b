package org.hotline12345.platform.messaging;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CompositeBatchInterceptor;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
/**
 * What a consumer does with a record it could not handle, in the listener container rather than the binder, so
 * that waiting never holds a poll past {@code max.poll.interval.ms}:
 * <ul>
 * <li>a transient failure (MongoDB or the broker unreachable or slow, an event whose prerequisite has not arrived)
 * is retried with back-off up to {@link #LONGEST_WAIT} between attempts, for as long as it takes; the partition
 * waits, in order, and {@link ConsumerRetries} reports it in the health;</li>
 * <li>a record that is not an event of its stream goes to the binding's dead-letter topic at once;</li>
 * <li>anything else (a defect) is tried as often as the binding's {@code max-attempts} says, then dead-lettered.</li>
 * </ul>
 * Dead letters carry the error in their {@link #ERROR_HEADER} and {@code kafka_dlt-exception-*} headers and their
 * origin in {@code kafka_dlt-original-*}.
 */
public class ConsumerFailures implements ListenerContainerWithDlqAndRetryCustomizer {

    /** The header of a dead letter that says why its consumer gave up: the root cause's class and message. */
    public static final String ERROR_HEADER = "hotline-error";
    static final long LONGEST_WAIT = 30_000;

    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final ConsumerRetries retries;
    private final MeterRegistry meters;

    public ConsumerFailures(KafkaOperations<byte[], byte[]> deadLetters, ConsumerRetries retries,
            MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.meters = meters;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        DefaultErrorHandler handler = dlqDestinationResolver == null ? new DefaultErrorHandler(backOff)
                : new DefaultErrorHandler(deadLetterPublisher(dlqDestinationResolver), backOff);
        if (dlqDestinationResolver != null) {
            // counted from zero, so that a dashboard and an alert see the series before the first dead letter
            for (String topic : destinationName.split(",")) {
                meters.counter("hotline.dead.letters", "topic", topic.trim());
            }
        }
        BackOff untilItWorks = untilItWorks();
        handler.setBackOffFunction((record, e) -> isTransient(e) ? untilItWorks : backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setRetryListeners(retries.listener(group));
        container.setCommonErrorHandler(handler);
        hearSuccesses(container);
    }

    /**
     * The retry listener hears failures only; a record that passes after failing is heard here, by the record
     * interceptor of a record listener or the batch interceptor of a batch listener.
     */
    private <K, V> void hearSuccesses(AbstractMessageListenerContainer<K, V> container) {
        RecordInterceptor<K, V> successes = retries.interceptor();
        RecordInterceptor<K, V> existing = container.getRecordInterceptor();
        container.setRecordInterceptor(existing == null ? successes
                : new CompositeRecordInterceptor<>(existing, successes));
        BatchInterceptor<K, V> batchSuccesses = retries.batchInterceptor();
        BatchInterceptor<K, V> existingBatch = container.getBatchInterceptor();
        container.setBatchInterceptor(existingBatch == null ? batchSuccesses
                : new CompositeBatchInterceptor<>(existingBatch, batchSuccesses));
    }

    private DeadLetterPublishingRecoverer deadLetterPublisher(
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters, (record, failure) -> {
            meters.counter("hotline.dead.letters", "topic", record.topic()).increment();
            return destination.apply(record, failure);
        });
        // the exception headers name the listener's wrapper; what an operator needs is the failure underneath
        publisher.addHeadersFunction((record, failure) -> new RecordHeaders().add(ERROR_HEADER,
                describe(unwrapped(failure)).getBytes(StandardCharsets.UTF_8)));
        return publisher;
    }

    static String describe(Throwable cause) {
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    /** The failure of the service's own code, under the wrappers of the listener container and the binder. */
    static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof MessagingException
                || cause instanceof BatchListenerFailedException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Whether {@code failure} or one of its causes says that trying again later can succeed. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PrerequisiteMissingException || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof DependencyUnavailableException || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException || cause instanceof RetriableException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(LONGEST_WAIT);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }
}
