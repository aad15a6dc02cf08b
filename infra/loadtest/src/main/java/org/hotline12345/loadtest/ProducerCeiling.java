package org.hotline12345.loadtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
 * {@code acks=all} as intake's events: the ceiling intake's rate is a share of.
 */
final class ProducerCeiling {

    static final String TOPIC = "loadtest.producer-ceiling";

    private ProducerCeiling() {
    }

    static double recordsPerSecond(String bootstrap, int recordBytes, Duration held) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        byte[] value = new byte[recordBytes];
        java.util.Arrays.fill(value, (byte) 'x');
        AtomicLong acknowledged = new AtomicLong();
        Semaphore window = new Semaphore(10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            long warm = System.nanoTime() + Duration.ofSeconds(5).toNanos();
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
}
