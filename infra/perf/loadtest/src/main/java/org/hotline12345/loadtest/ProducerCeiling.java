package org.hotline12345.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The most records a second one producer gets acknowledged by the same broker, with the same record size and
 * {@code acks=all} as intake's events: the ceiling intake's rate is a share of. The hub's services publish in
 * transactions, so the same is also measured with a transactional producer that commits every so many records.
 */
final class ProducerCeiling {

    static final String TOPIC = "loadtest.producer-ceiling";
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private ProducerCeiling() {
    }

    static double recordsPerSecond(String bootstrap, int recordBytes, Duration held) throws Exception {
        createTopic(bootstrap);
        AtomicLong acknowledged = new AtomicLong();
        Semaphore window = new Semaphore(10_000);
        byte[] value = value(recordBytes);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties(bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            long warm = System.nanoTime() + WARM_UP.toNanos();
            long i = 0;
            while (System.nanoTime() < warm) {
                window.acquireUninterruptibly();
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(i++), value), (m, e) -> window.release());
            }
            producer.flush();
            long start = System.nanoTime();
            long end = start + held.toNanos();
            while (System.nanoTime() < end) {
                window.acquireUninterruptibly();
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(i++), value), (m, e) -> {
                    window.release();
                    if (e == null) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            return acknowledged.get() * 1e9 / (System.nanoTime() - start);
        }
    }

    /**
     * The same records from a transactional producer that commits every {@code perTransaction} of them, one
     * transaction after the other as one publishing thread does: records committed a second.
     */
    static double transactionalRecordsPerSecond(String bootstrap, int recordBytes, Duration held,
            int perTransaction) throws Exception {
        createTopic(bootstrap);
        Properties props = properties(bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "loadtest-ceiling-" + UUID.randomUUID());
        byte[] value = value(recordBytes);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            long warm = System.nanoTime() + WARM_UP.toNanos();
            long i = 0;
            while (System.nanoTime() < warm) {
                i = transaction(producer, value, i, perTransaction);
            }
            long committed = 0;
            long start = System.nanoTime();
            long end = start + held.toNanos();
            while (System.nanoTime() < end) {
                i = transaction(producer, value, i, perTransaction);
                committed += perTransaction;
            }
            return committed * 1e9 / (System.nanoTime() - start);
        }
    }

    /** Sends {@code count} records keyed from {@code next} in one transaction and commits it; the next key. */
    private static long transaction(KafkaProducer<String, byte[]> producer, byte[] value, long next, int count) {
        producer.beginTransaction();
        for (int k = 0; k < count; k++) {
            producer.send(new ProducerRecord<>(TOPIC, Long.toString(next++), value));
        }
        // commitTransaction flushes the records and throws if any of them, or the commit, failed
        producer.commitTransaction();
        return next;
    }

    private static Properties properties(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return props;
    }

    private static byte[] value(int recordBytes) {
        byte[] value = new byte[recordBytes];
        java.util.Arrays.fill(value, (byte) 'x');
        return value;
    }

    private static void createTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
