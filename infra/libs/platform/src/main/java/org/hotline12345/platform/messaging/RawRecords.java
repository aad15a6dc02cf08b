package org.hotline12345.platform.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Records as bytes, key and value: what dead letters are (a consumer's record as it came, whatever its key) and
 * what replaying them sends back. The producer shares the service's bounds ({@code acks=all}, idempotence).
 */
public class RawRecords implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final Map<String, Object> consumerConfigs;

    public RawRecords(ProducerFactory<?, ?> serviceProducers, Map<String, Object> consumerConfigs) {
        Map<String, Object> configs = new HashMap<>(serviceProducers.getConfigurationProperties());
        configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producers = new DefaultKafkaProducerFactory<>(configs);
        this.template = new KafkaTemplate<>(producers);
        this.consumerConfigs = Map.copyOf(consumerConfigs);
    }

    public KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    /** A consumer of committed records in {@code group} that commits only when told. */
    public KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> configs = new HashMap<>(consumerConfigs);
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(configs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
