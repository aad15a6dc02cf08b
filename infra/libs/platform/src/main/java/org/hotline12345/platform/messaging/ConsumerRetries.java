package org.hotline12345.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import java.util.List;
import org.springframework.kafka.listener.BatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

/**
 * The partitions whose consumers are waiting on a record that failed, as the health shows them: while one waits,
 * the service is out of service and says which partition, how often, and why. A partition stops waiting as soon
 * as the record it waited on is handled or dead-lettered. One whose last failure is older than {@link #RECENT}
 * (longer than the longest wait between attempts) is no longer shown either: its partition went to another
 * instance in a rebalance, and this one will never see the record succeed.
 */
public class ConsumerRetries implements HealthIndicator {

    static final Duration RECENT = Duration.ofMillis(ConsumerFailures.LONGEST_WAIT).plusSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(ConsumerRetries.class);

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    public ConsumerRetries(Clock clock) {
        this.clock = clock;
    }

    /** Hears every failed attempt of the consumers of {@code group}, and a record given up on. */
    RetryListener listener(String group) {
        return new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                String where = record.topic() + "-" + record.partition();
                Throwable cause = ConsumerFailures.unwrapped(failure);
                waiting.put(where, new Waiting(group, record.offset(), attempt, ConsumerFailures.describe(cause),
                        clock.instant()));
                if (attempt == 1 || attempt % 10 == 0) {
                    log.warn("{} at offset {} failed (attempt {}), will try again: {}", where, record.offset(),
                            attempt, cause.toString());
                }
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
                handled(record);
            }
        };
    }

    /** Hears every record the consumers handle, so that a partition waiting on one is back as soon as it passes. */
    <K, V> RecordInterceptor<K, V> interceptor() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
                return record;
            }

            @Override
            public void success(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
                handled(record);
            }
        };
    }

    /** Hears every batch the consumers handle: a partition waiting on a record of it is back once it passed. */
    <K, V> BatchInterceptor<K, V> batchInterceptor() {
        return new BatchInterceptor<>() {
            @Override
            public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
                return records;
            }

            @Override
            public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
                records.partitions().forEach(partition -> {
                    List<ConsumerRecord<K, V>> handled = records.records(partition);
                    if (!handled.isEmpty()) {
                        handled(handled.get(handled.size() - 1));
                    }
                });
            }
        };
    }

    /** The record at this offset, or a later one of its partition, is done with: nothing there waits any more. */
    void handled(ConsumerRecord<?, ?> record) {
        waiting.computeIfPresent(record.topic() + "-" + record.partition(),
                (partition, wait) -> wait.offset() <= record.offset() ? null : wait);
    }

    @Override
    public Health health() {
        Instant since = clock.instant().minus(RECENT);
        Map<String, Waiting> recent = new TreeMap<>();
        waiting.forEach((partition, wait) -> {
            if (wait.lastFailure().isAfter(since)) {
                recent.put(partition, wait);
            }
        });
        return recent.isEmpty() ? Health.up().build() : Health.outOfService().withDetail("retrying", recent).build();
    }

    /** A partition's consumer waiting on the record at {@code offset}. */
    public record Waiting(String group, long offset, int attempts, String error, Instant lastFailure) {
    }
}
