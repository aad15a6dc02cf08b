package org.hotline12345.loadtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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

    /** The step being followed; {@link #drain} swaps in a fresh one, so each step's figures are its own. */
    private final AtomicReference<Followers> step = new AtomicReference<>(new Followers());
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
        step.get().accepted(receipt, due);
    }

    /**
     * The latencies and counts of a step; {@code notCounted} is how many of the sampled tickets had no fact in
     * analytics when the drain gave up. {@code followed} is how many accepted calls' answers named their ticket.
     */
    record Figures(Histogram assigned, Histogram receipt, Histogram counted, long followed, long routed,
            long assignedSeen, long receiptsSeen, long notCounted) {

        boolean allCounted() {
            return notCounted == 0;
        }
    }

    /**
     * Waits up to {@code patience} for every receipt text and every sampled count of the step's calls, then takes the
     * step's figures and starts the next step's. Assignments are not awaited: a routed call that no rule places goes
     * to the triage queue, which publishes no event.
     */
    Figures drain(Duration patience) {
        Followers current = step.get();
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until && !current.textedAndCounted()) {
            OpenLoop.pause(Duration.ofMillis(100));
        }
        step.set(new Followers());
        return current.figures();
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
                        step.get().seen(record.key(), assignment, now);
                    }
                }
            }
        }
    }

    /**
     * One step's tickets and figures. A ticket's assignment or receipt text can reach the topics before the load
     * generator has read the call's answer (a slow answer, a quick pipeline), so what is seen first waits for the
     * other; each ticket's entry is changed only inside {@link Map#compute}, so the threads never miss each other.
     */
    private static final class Followers {
        private final Map<String, Followed> tickets = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Sampled> awaitingCount = new ConcurrentLinkedQueue<>();
        private final Recorder assigned = new Recorder(3);
        private final Recorder receipt = new Recorder(3);
        private final Recorder counted = new Recorder(3);
        private final AtomicLong seenAssigned = new AtomicLong();
        private final AtomicLong seenReceipts = new AtomicLong();
        private final AtomicLong followed = new AtomicLong();
        private final AtomicLong routed = new AtomicLong();

        /**
         * A call was accepted: its ticket is followed from the call's due time. A call linked to an open ticket (a
         * repeat, or another report of the same incident) is not dispatched again, so only the others count as
         * routed.
         */
        void accepted(String answer, long due) {
            String ticketId = OpenLoop.field(answer, "ticketId");
            if (ticketId == null) {
                return;
            }
            if (OpenLoop.field(answer, "repeatOf") == null && OpenLoop.field(answer, "parentIncidentId") == null) {
                routed.incrementAndGet();
            }
            tickets.compute(ticketId, (id, ticket) -> (ticket == null ? new Followed() : ticket).due(due));
            if (followed.incrementAndGet() % ANALYTICS_SAMPLE == 0) {
                awaitingCount.add(new Sampled(ticketId, due));
            }
        }

        void seen(String ticketId, boolean assignment, long at) {
            tickets.compute(ticketId, (id, ticket) -> (ticket == null ? new Followed() : ticket)
                    .seen(assignment, at));
        }

        boolean textedAndCounted() {
            return seenReceipts.get() >= followed.get() && awaitingCount.isEmpty();
        }

        /** Looks the sampled tickets up in analytics' facts with one query, and times those found. */
        void countFound(MongoCollection<Document> facts) {
            Map<String, Sampled> byId = new HashMap<>();
            awaitingCount.forEach(sampled -> byId.put(sampled.ticketId(), sampled));
            if (byId.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            for (Document fact : facts.find(Filters.in("_id", byId.keySet())).projection(Projections.include("_id"))) {
                Sampled sampled = byId.get(fact.getString("_id"));
                if (sampled != null && awaitingCount.remove(sampled)) {
                    counted.recordValue(Math.max(1, (now - sampled.due()) / 1_000));
                }
            }
        }

        Figures figures() {
            return new Figures(assigned.getIntervalHistogram(), receipt.getIntervalHistogram(),
                    counted.getIntervalHistogram(), followed.get(), routed.get(), seenAssigned.get(),
                    seenReceipts.get(), awaitingCount.size());
        }

        /** One ticket's call and what was seen of it; each latency is recorded once both ends are known. */
        private final class Followed {
            private long due = -1;
            private long assignedAt = -1;
            private long receiptAt = -1;

            Followed due(long dueAt) {
                if (due >= 0) {
                    return this;
                }
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
    }

    /** A ticket whose fact in analytics is awaited, and its call's due time. */
    private record Sampled(String ticketId, long due) {
    }

    private void poll() {
        while (running) {
            step.get().countFound(facts);
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
