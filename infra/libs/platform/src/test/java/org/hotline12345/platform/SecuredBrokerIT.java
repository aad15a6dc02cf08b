package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EmbeddedKafka;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.platform.PlatformTestApplication.Parcel;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.production.BrokerGrants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service against a broker that asks every client to sign in with SASL/SCRAM, configured only by the Spring Kafka
 * settings a deployment sets in the environment ({@code SPRING_KAFKA_SECURITY_PROTOCOL},
 * {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}, {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}): its outbox
 * relay publishes, a client without the password gets nothing from the broker, and production mode's check of the
 * service's grants finds that the broker has no authorizer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecuredBrokerIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String USER = "hub-platform";
    static final String PASSWORD = "scram-" + UUID.randomUUID();
    static final EmbeddedKafka secured = start();

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    BrokerGrants grants;

    private static EmbeddedKafka start() {
        try {
            EmbeddedKafka kafka = EmbeddedKafka.startWithScram(USER, PASSWORD,
                    Files.createTempDirectory("hotline-secured-kafka"));
            kafka.createTopics(Topics.ALL, 3);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        secured.close();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "platform-secured-it");
        registry.add("spring.kafka.bootstrap-servers", secured::bootstrapServers);
        registry.add("spring.kafka.security.protocol", () -> "SASL_PLAINTEXT");
        registry.add("spring.kafka.properties.sasl.mechanism", () -> "SCRAM-SHA-512");
        registry.add("spring.kafka.properties.sasl.jaas.config", () -> jaas(PASSWORD));
    }

    @Test
    void publishesThroughABrokerThatAsksForSignIn() {
        String id = UUID.randomUUID().toString();
        mongo.save(Parcel.accepted(id)).block();

        relay.flush(Parcel.class, id).block(Duration.ofSeconds(30));

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(client(PASSWORD, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "secured-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ROUTING_TICKETS));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(record -> id.equals(record.key()));
            });
        }
        assertThat(mongo.findById(id, Parcel.class).block().getOutbox()).isEmpty();
    }

    @Test
    void refusesAClientWithTheWrongPassword() {
        try (Admin stranger = Admin.create(client("not-the-password", Map.of()))) {
            assertThatThrownBy(() -> stranger.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void findsThatABrokerWithoutAnAuthorizerIsNoPlaceForProduction() {
        assertThat(grants.problems()).singleElement().asString()
                .startsWith("the broker has no authorizer (authorizer.class.name)");
    }

    private static Map<String, Object> client(String password, Map<String, Object> more) {
        Map<String, Object> configs = new HashMap<>(more);
        configs.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, secured.bootstrapServers());
        configs.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        configs.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        configs.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(password));
        return configs;
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                + "\" password=\"" + password + "\";";
    }
}
