package org.hotline12345.loadtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.hotline12345.contracts.CloudEventAttributes;
import org.hotline12345.contracts.Topics;

/**
 * Follows the tickets the load made through the rest of the hub: the time from each call's due moment to its
 * {@code TicketAssigned} and to its receipt text (read from the topics as any consumer would), and to its fact in
 * analytics (a sample of one ticket in ten, looked up every 50 ms).
 */
final class Pipeline implements AutoCloseable {

    private static final int ANALYTICS_SAMPLE = 10;

    /**
     * The tickets followed, by id. A ticket's assignment or receipt text can reach the topics before the load
     * generator has read the call's answer (a slow answer, a quick pipeline), so what is seen first waits here for
     * the other; each entry is changed only inside {@link Map#compute}, so the two threads never miss each other.
     */
    private final Map<String, Followed> tickets = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> awaitingCount = new ConcurrentLinkedQueue<>();
    private final Recorder assigned = new Recorder(3);
    private final Recorder receipt = new Recorder(3);
    private final Recorder counted = new Recorder(3);
    private final AtomicLong seenAssigned = new AtomicLong();
    private final AtomicLong seenReceipts = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong routed = new AtomicLong();
    private final String bootstrap;
    private final MongoCollection<Document> facts;
    private final Thread consumer;
    private final Thread poller;
    private final java.util.concurrent.CountDownLatch subscribed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running = true;

    Pipeline(String bootstrap, MongoClient mongo) {
        this.bootstrap = bootstrap;
        this.facts = mongo.getDatabase("analytics").getCollection("facts");
        this.consumer = new Thread(this::consume, "pipeline-topics");
        this.poller = new Thread(this::poll, "pipeline-analytics");
        consumer.start();
        poller.start();
        try {
            if (!subscribed.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("no partitions of the hub's topics were assigned within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A call was accepted: its ticket is followed from the call's due time. A call linked to an open ticket (a
     * repeat, or another report of the same incident) is not dispatched again, so only the others are awaited at
     * routing.
     */
    void accepted(String receipt, long due) {
        String ticketId = OpenLoop.field(receipt, "ticketId");
        if (ticketId == null) {
            return;
        }
        if (OpenLoop.field(receipt, "repeatOf") == null && OpenLoop.field(receipt, "parentIncidentId") == null) {
            routed.incrementAndGet();
        }
        tickets.compute(ticketId, (id, followed) -> (followed == null ? new Followed() : followed).due(due));
        if (accepted.incrementAndGet() % ANALYTICS_SAMPLE == 0) {
            awaitingCount.add(ticketId);
        }
    }

    /**
     * The latencies and counts since the last call; {@code notCounted} is how many of the sampled tickets had no
     * fact in analytics when the drain gave up.
     */
    record Figures(Histogram assigned, Histogram receipt, Histogram counted, long accepted, long routed,
            long assignedSeen, long receiptsSeen, long notCounted) {

        boolean allCounted() {
            return notCounted == 0;
        }
    }

    /** Waits up to {@code patience} for the pipeline to catch up with what was accepted, then takes its figures. */
    Figures drain(Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until && (seenAssigned.get() < routed.get()
                || seenReceipts.get() < accepted.get() || !awaitingCount.isEmpty())) {
            OpenLoop.pause(Duration.ofMillis(100));
        }
        Figures figures = new Figures(assigned.getIntervalHistogram(), receipt.getIntervalHistogram(),
                counted.getIntervalHistogram(), accepted.getAndSet(0), routed.getAndSet(0), seenAssigned.getAndSet(0),
                seenReceipts.getAndSet(0), awaitingCount.size());
        tickets.clear();
        awaitingCount.clear();
        return figures;
    }

    /** Records not yet consumed by each consumer group of the hub, summed over its partitions. */
    Map<String, Long> lag() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<String, Long> lag = new java.util.TreeMap<>();
            for (var group : admin.listConsumerGroups().all().get()) {
                if (!group.groupId().matches("intake|routing|notification|analytics")) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed
                        .keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                lag.put(group.groupId(), committed.entrySet().stream().filter(e -> e.getValue() != null)
                        .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset()).sum());
            }
            return lag;
        } catch (Exception e) {
            return Map.of("(unavailable: " + e.getMessage() + ")", -1L);
        }
    }

    private void consume() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "loadtest-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> topics = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            topics.subscribe(List.of(Topics.ROUTING_TICKETS, Topics.NOTIFICATION_MESSAGES));
            while (running) {
                if (!topics.assignment().isEmpty()) {
                    subscribed.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : topics.poll(Duration.ofMillis(100))) {
                    String type = header(record, CloudEventAttributes.TYPE);
                    boolean assignment = type.endsWith(".TicketAssigned");
                    boolean receiptText = type.endsWith(".NotificationSent") && new String(record.value(),
                            StandardCharsets.UTF_8).contains("\"trigger\":\"TicketReceived\"");
                    if (record.key() != null && (assignment || receiptText)) {
                        long now = System.nanoTime();
                        tickets.compute(record.key(), (id, followed) -> (followed == null ? new Followed()
                                : followed).seen(assignment, now));
                    }
                }
            }
        }
    }

    /** One ticket's call and what was seen of it; recorded once both the due time and a sighting are known. */
    private final class Followed {
        private long due = -1;
        private long assignedAt = -1;
        private long receiptAt = -1;

        Followed due(long dueAt) {
            due = dueAt;
            if (assignedAt >= 0) {
                record(assigned, seenAssigned, assignedAt);
            }
            if (receiptAt >= 0) {
                record(receipt, seenReceipts, receiptAt);
            }
            return this;
        }

        Followed seen(boolean assignment, long at) {
            if (assignment && assignedAt < 0) {
                assignedAt = at;
                if (due >= 0) {
                    record(assigned, seenAssigned, at);
                }
            } else if (!assignment && receiptAt < 0) {
                receiptAt = at;
                if (due >= 0) {
                    record(receipt, seenReceipts, at);
                }
            }
            return this;
        }

        private void record(Recorder latencies, AtomicLong seen, long at) {
            latencies.recordValue(Math.max(1, (at - due) / 1_000));
            seen.incrementAndGet();
        }
    }

    private void poll() {
        while (running) {
            List<String> sample = new ArrayList<>(awaitingCount);
            if (!sample.isEmpty()) {
                long now = System.nanoTime();
                for (Document fact : facts.find(Filters.in("_id", sample)).projection(Projections.include("_id"))) {
                    String id = fact.getString("_id");
                    Followed followed = tickets.get(id);
                    if (followed != null && followed.due >= 0 && awaitingCount.remove(id)) {
                        counted.recordValue(Math.max(1, (now - followed.due) / 1_000));
                    }
                }
            }
            OpenLoop.pause(Duration.ofMillis(50));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.join();
        poller.join();
    }
}
