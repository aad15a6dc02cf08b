package org.hotline12345.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hotline12345.contracts.Topics;
import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
/**
 * Producer bounds every service shares, the hub's topics, and the {@link EventPublisher}. Idempotence and
 * {@code acks=all} are set in the platform defaults; here the delivery bounds come from typed settings.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class MessagingAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer hotlineProducerBounds(HotlineProperties properties) {
        HotlineProperties.Kafka kafka = properties.kafka();
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) kafka.deliveryTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlock().toMillis()));
    }

    /**
     * Transactional ids are unique per process: two instances sharing one would fence each other. A process that
     * dies inside a transaction leaves it open until {@code hotline.kafka.transaction-timeout} passes, and consumers
     * of that partition wait for it until then.
     */
    @Bean
    TransactionalPublisher transactionalPublisher(ProducerFactory<String, byte[]> producers, EventPublisher publisher,
            HotlineProperties properties) {
        Map<String, Object> configs = new HashMap<>(producers.getConfigurationProperties());
        configs.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) properties.kafka().transactionTimeout().toMillis());
        DefaultKafkaProducerFactory<String, byte[]> transactional = new DefaultKafkaProducerFactory<>(configs);
        transactional.setTransactionIdPrefix(transactionalIdPrefix(properties) + UUID.randomUUID() + "-");
        return new TransactionalPublisher(transactional, publisher);
    }

    /** What every transactional id of the service starts with, e.g. {@code hotline-intake-}: its broker grant. */
    public static String transactionalIdPrefix(HotlineProperties properties) {
        return properties.source().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-", "") + "-";
    }

    @Bean
    RawRecords rawRecords(ProducerFactory<String, byte[]> producers, KafkaProperties kafka) {
        return new RawRecords(producers, kafka.buildConsumerProperties());
    }

    @Bean
    ConsumerRetries consumersHealthIndicator(Clock clock) {
        return new ConsumerRetries(clock);
    }

    @Bean
    ConsumerFailures consumerFailures(RawRecords records, ConsumerRetries retries, MeterRegistry meters) {
        return new ConsumerFailures(records.template(), retries, meters);
    }

    @Bean
    KafkaAdmin.NewTopics hotlineTopics(HotlineProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> TopicBuilder.name(topic).partitions(properties.kafka().partitions())
                        .replicas(properties.kafka().replicas()).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, HotlineProperties properties) {
        return new EventPublisher(template, properties.source());
    }
}
