package org.hotline12345.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hotline12345.embedded.Broker;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

/** A consumer on the embedded broker, wired as every service's consumers are, waiting on a record and done with it. */
class ConsumerHealthIT {

    private static final String TOPIC = "platform.consumer-health";
    private static final String GROUP = "platform-it";

    private final Broker broker = SharedTestInfrastructure.get().kafka();
    private final ConsumerRetries retries = new ConsumerRetries(Clock.systemUTC());
    private final AtomicBoolean prerequisiteArrived = new AtomicBoolean();
    private final AtomicInteger handled = new AtomicInteger();
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    private final KafkaTemplate<byte[], byte[]> producer = new KafkaTemplate<>(producers);
    private KafkaMessageListenerContainer<byte[], byte[]> consumer;

    @Test
    void isUpAsSoonAsTheRecordItWaitedOnIsHandledNotWhenItsLastFailureIsOld() throws Exception {
        consumer = consumer();
        consumer.start();
        producer.send(TOPIC, "ticket-1".getBytes(), "{}".getBytes()).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> retries.health().getStatus().equals(Status.OUT_OF_SERVICE));
        prerequisiteArrived.set(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() == 1);

        // the last failure is a second or two old: being back must not wait for it to grow old
        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(retries.health().getStatus()).isEqualTo(Status.UP));
    }

    @AfterEach
    void stop() {
        if (consumer != null) {
            consumer.stop();
        }
        producers.destroy();
    }

    private KafkaMessageListenerContainer<byte[], byte[]> consumer() throws Exception {
        try (Admin admin = broker.admin()) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        ContainerProperties properties = new ContainerProperties(TOPIC);
        properties.setGroupId(GROUP);
        properties.setMessageListener((MessageListener<byte[], byte[]>) record -> {
            if (!prerequisiteArrived.get()) {
                throw new PrerequisiteMissingException("the ticket's receipt has not arrived");
            }
            handled.incrementAndGet();
        });
        KafkaMessageListenerContainer<byte[], byte[]> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)),
                properties);
        // the binding's own back-off, for defects; a binding of one attempt would skip the transient back-off
        new ConsumerFailures(producer, retries, new SimpleMeterRegistry())
                .configure(container, TOPIC, GROUP, null, new FixedBackOff(100, 3));
        return container;
    }
}
