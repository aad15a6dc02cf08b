package org.hotline12345.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline12345.contracts.CloudEventAttributes;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.Topics;

/**
 * The hub's topics as a test sees them from outside the services: publish events exactly as a producing service
 * would (key, JSON value, CloudEvents headers), read what the services publish, and count what is on a topic.
 */
public final class EventTopics implements AutoCloseable {

    private final Broker broker;
    private final Map<String, Object> clientConfigs;
    private final KafkaProducer<String, byte[]> producer;

    public EventTopics(Broker broker) {
        this(broker, Map.of());
    }

    /** Topics seen through clients with {@code clientConfigs} besides the broker's address, e.g. a SASL sign-in. */
    public EventTopics(Broker broker, Map<String, Object> clientConfigs) {
        this.broker = broker;
        this.clientConfigs = Map.copyOf(clientConfigs);
        Map<String, Object> configs = new HashMap<>(clientConfigs);
        configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        this.producer = new KafkaProducer<>(configs, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes an event on the topic of its stream, as its owning service would, and waits for the ack. */
    public void publish(HotlineEvent event) {
        publishTo(Topics.topicOf(event), event);
    }

    /** Publishes an event as its owning service would, but on {@code topic}, and waits for the ack. */
    public void publishTo(String topic, HotlineEvent event) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventAttributes.headers(event, "/hotline/test")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(topic, null, event.ticketId(),
                    EventCodec.write(event), headers)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + event.type(), e);
        }
    }

    /** Publishes raw bytes under {@code key} with a CloudEvents type, as a broken or hostile producer might. */
    public void publishRaw(String topic, String key, String type, byte[] payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventAttributes.TYPE, (CloudEventAttributes.TYPE_PREFIX + type)
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(topic, null, key, payload, headers)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** A reader of {@code topics} from their beginning, in a group of its own. */
    public Reader reader(String... topics) {
        return new Reader(broker, List.of(topics), clientConfigs);
    }

    /** How many records are on the topics so far, all partitions together. */
    public long recordsOn(Collection<String> topics) {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, d) ->
                    d.partitions().forEach(p -> partitions.put(new TopicPartition(topic, p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not count the records on " + topics, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Reads records and keeps every one it has seen, so a test can look for a ticket's events at any time. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Reader(Broker broker, List<String> topics, Map<String, Object> clientConfigs) {
            Map<String, Object> configs = new HashMap<>(clientConfigs);
            configs.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            configs.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(configs, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(topics);
        }

        /** Polls once and answers every record seen so far with that key. */
        public synchronized List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> key.equals(r.key())).toList();
        }

        /**
         * Reads up to the end of every partition as it is now (the last committed record) and answers every record
         * seen: what a test counts when it must know that no more of them are on the topic.
         */
        public synchronized List<ConsumerRecord<String, byte[]>> readToEnd() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.assignment().isEmpty()) {
                poll(deadline);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                poll(deadline);
            }
            return List.copyOf(seen);
        }

        private void poll(long deadline) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("did not reach the end of the topics within 30 s");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }

        /** The events seen so far with that key, read as the given stream. */
        public <T extends HotlineEvent> List<T> eventsFor(String key, Class<T> stream) {
            return recordsFor(key).stream().map(r -> EventCodec.read(r.value(), stream)).toList();
        }

        /**
         * The events of {@code type} with that key, read as the given stream, once at least one was published
         * (waiting up to 30 s): what a test reads after an action whose event it expects.
         */
        public <S extends HotlineEvent, T extends S> List<T> awaitEvents(String key, Class<S> stream, Class<T> type) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                // each look polls the broker for up to 200 ms, so this waits on the topic, not in a busy loop
                List<T> found = eventsFor(key, stream).stream().filter(type::isInstance).map(type::cast).toList();
                if (!found.isEmpty()) {
                    return found;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no " + type.getSimpleName() + " for " + key + " within 30 s");
                }
            }
        }

        /**
         * Every event with that key up to the end of the topics as they are now, read as the given stream: what a
         * test counts when it must know that no more of them arrived.
         */
        public <T extends HotlineEvent> List<T> allEventsFor(String key, Class<T> stream) {
            return readToEnd().stream().filter(r -> key.equals(r.key()))
                    .map(r -> EventCodec.read(r.value(), stream)).toList();
        }

        /** The value of a header of a record, as text. */
        public static String header(ConsumerRecord<String, byte[]> record, String name) {
            return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }
    }
}
