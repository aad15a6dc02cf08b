package org.hotline12345.platform.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hotline12345.platform.leases.MongoLease;
import org.hotline12345.platform.messaging.ConsumerFailures;
import org.hotline12345.platform.messaging.RawRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This service's dead-letter topics, read by a consumer group of their own whose committed offsets mark what was
 * replayed: what lies past them is pending. A replay sends each pending record, as it first arrived (the dead-letter
 * headers removed), to the retry topic of the binding that gave up on it, which that binding reads besides the topic
 * the record came from and which only this service writes, and commits past it: no service needs Write on a topic
 * another one owns. The consumers drop an event they had applied by its id, so a replay interrupted and run again
 * does no harm. One replay at a time runs, under a lease.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final RawRecords records;
    private final Map<String, String> originOf;
    private final Map<String, String> retryOf;
    private final String group;
    private final MongoLease lease;

    /**
     * @param originOf for each dead-letter topic, the topic its records came from
     * @param retryOf for each dead-letter topic, the retry topic a replay sends its records to
     */
    public DeadLetters(RawRecords records, Map<String, String> originOf, Map<String, String> retryOf, String group,
            MongoLease lease) {
        this.records = records;
        this.originOf = Map.copyOf(originOf);
        this.retryOf = Map.copyOf(retryOf);
        this.group = group;
        this.lease = lease;
    }

    /** The pending dead letters, oldest first within each partition, at most {@code limit}. */
    public Mono<List<DeadLetter>> pending(int limit) {
        return Mono.fromCallable(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = records.consumer(group)) {
                return read(consumer, limit).stream().map(this::describe).toList();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Replays every pending dead letter; completes with how many, or empty while another replay runs. */
    public Mono<Integer> replay() {
        return lease.whileHeld(Mono.fromCallable(this::replayPending).subscribeOn(Schedulers.boundedElastic()));
    }

    private int replayPending() throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaConsumer<byte[], byte[]> consumer = records.consumer(group)) {
            List<ConsumerRecord<byte[], byte[]>> pending = read(consumer, Integer.MAX_VALUE);
            for (ConsumerRecord<byte[], byte[]> letter : pending) {
                String retry = retryOf.get(letter.topic());
                records.template().send(new ProducerRecord<>(retry, null, letter.key(), letter.value(),
                        original(letter.headers()))).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                consumer.commitSync(Map.of(new TopicPartition(letter.topic(), letter.partition()),
                        new OffsetAndMetadata(letter.offset() + 1)), BOUND);
            }
            if (!pending.isEmpty()) {
                log.info("Replayed {} dead letters", pending.size());
            }
            return pending.size();
        }
    }

    /** Reads from the committed offsets (or the start) up to the end each partition has now. */
    private List<ConsumerRecord<byte[], byte[]>> read(KafkaConsumer<byte[], byte[]> consumer, int limit) {
        List<TopicPartition> partitions = new ArrayList<>();
        originOf.keySet().forEach(topic -> consumer.partitionsFor(topic, BOUND).forEach(p ->
                partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BOUND);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), BOUND);
        partitions.forEach(p -> {
            OffsetAndMetadata done = committed.get(p);
            if (done != null) {
                consumer.seek(p, done.offset());
            } else {
                consumer.seekToBeginning(List.of(p));
            }
        });
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (found.size() < limit && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read the dead-letter topics within " + BOUND);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    found.add(record);
                }
            });
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private DeadLetter describe(ConsumerRecord<byte[], byte[]> letter) {
        Headers headers = letter.headers();
        String error = text(headers, ConsumerFailures.ERROR_HEADER);
        if (error == null) {
            // dead-lettered by the binder's own retries, before the container handled failures
            error = text(headers, "x-exception-message");
        }
        return new DeadLetter(letter.topic(), letter.partition(), letter.offset(), originOf.get(letter.topic()),
                letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8),
                text(headers, "ce_type"), text(headers, "ce_id"), error, Instant.ofEpochMilli(letter.timestamp()));
    }

    private static Headers original(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("x-exception")
                    && !header.key().startsWith("x-original") && !header.key().equals(ConsumerFailures.ERROR_HEADER)) {
                kept.add(header);
            }
        }
        return kept;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
