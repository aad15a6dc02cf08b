package org.hotline12345.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EmbeddedKafka;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.platform.production.BrokerGrants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Routing on a broker where every service signs in as its own user and may do only what the README's ACL table
 * grants it: routing consumes intake's tickets and publishes its own, replays its dead letters through its own retry
 * topics without Write on a topic it consumes, finds its grants as documented (what production mode checks at
 * start) and names one beyond them, and intake's user cannot forge routing's events.
 */
@HubIntegrationTest(database = "routing-acl-it")
class BrokerAclsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    static final String ROUTING = "hub-routing";
    static final String INTAKE = "hub-intake";
    static final Map<String, String> PASSWORDS = Map.of(ROUTING, "r-" + UUID.randomUUID(),
            INTAKE, "i-" + UUID.randomUUID());
    static final List<String> DEAD_LETTERS = List.of("hotline.intake.tickets.routing.dlq",
            "hotline.notification.feedback.routing.dlq");
    static final List<String> RETRIES = List.of("hotline.intake.tickets.routing.retry",
            "hotline.notification.feedback.routing.retry");
    static final EmbeddedKafka broker = start();

    private static EmbeddedKafka start() {
        try {
            EmbeddedKafka kafka = EmbeddedKafka.startSecured(PASSWORDS, true,
                    Files.createTempDirectory("hotline-acl-kafka"));
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.addAll(DEAD_LETTERS);
            topics.addAll(RETRIES);
            kafka.createTopics(topics, 3);
            try (Admin admin = kafka.admin()) {
                admin.createAcls(grants()).all().get(30, TimeUnit.SECONDS);
            }
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the secured broker", e);
        }
    }

    /**
     * The README's table: routing's row, its dead letters and retry topics, Describe on the hub topics it finds at
     * start-up and on the cluster; no Write on a topic it consumes.
     */
    private static List<AclBinding> grants() {
        List<AclBinding> grants = new ArrayList<>();
        for (String topic : List.of(Topics.INTAKE_TICKETS, Topics.NOTIFICATION_FEEDBACK)) {
            grants.add(allow(ROUTING, ResourceType.TOPIC, topic, AclOperation.READ));
        }
        for (String topic : RETRIES) {
            grants.add(allow(ROUTING, ResourceType.TOPIC, topic, AclOperation.WRITE));
            grants.add(allow(ROUTING, ResourceType.TOPIC, topic, AclOperation.READ));
        }
        grants.add(allow(ROUTING, ResourceType.TOPIC, Topics.ROUTING_TICKETS, AclOperation.WRITE));
        for (String topic : Topics.ALL) {
            grants.add(allow(ROUTING, ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
        }
        for (String topic : DEAD_LETTERS) {
            grants.add(allow(ROUTING, ResourceType.TOPIC, topic, AclOperation.WRITE));
            grants.add(allow(ROUTING, ResourceType.TOPIC, topic, AclOperation.READ));
        }
        // the outbox relay publishes routing's events in transactions named after the service
        grants.add(new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "hotline-routing-",
                PatternType.PREFIXED), new AccessControlEntry("User:" + ROUTING, "*", AclOperation.WRITE,
                AclPermissionType.ALLOW)));
        grants.add(new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "hotline-routing-",
                PatternType.PREFIXED), new AccessControlEntry("User:" + ROUTING, "*", AclOperation.DESCRIBE,
                AclPermissionType.ALLOW)));
        grants.add(allow(ROUTING, ResourceType.GROUP, "routing", AclOperation.READ));
        grants.add(allow(ROUTING, ResourceType.GROUP, "routing-dead-letter-replay", AclOperation.READ));
        grants.add(allow(ROUTING, ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE));
        grants.add(allow(ROUTING, ResourceType.CLUSTER, "kafka-cluster", AclOperation.DESCRIBE));
        grants.add(allow(INTAKE, ResourceType.TOPIC, Topics.INTAKE_TICKETS, AclOperation.WRITE));
        return grants;
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    @Autowired
    WebTestClient web;
    @Autowired
    BrokerGrants grants;

    @AfterAll
    static void stop() {
        broker.close();
    }

    @DynamicPropertySource
    static void signIn(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        registry.add("spring.kafka.security.protocol", () -> "SASL_PLAINTEXT");
        registry.add("spring.kafka.properties.sasl.mechanism", () -> "SCRAM-SHA-512");
        registry.add("spring.kafka.properties.sasl.jaas.config", () -> jaas(ROUTING));
    }

    @Test
    void assignsWhatIntakePublishesAndIntakeCannotForgeRoutingsEvents() {
        String id = UUID.randomUUID().toString();
        TicketReceived received = new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261201-" + id.substring(0, 4), Channel.PHONE, "NOISE", Urgency.NORMAL, "楼下烧烤店深夜噪音",
                new GeoPoint(26.5785, 106.7135), null, new CitizenContact(null, null, null, null, "zh", false), false,
                null, null, null);
        try (EventTopics asIntake = new EventTopics(broker, client(INTAKE));
                EventTopics.Reader everything = new EventTopics(broker.unsecured()).reader(Topics.ROUTING_TICKETS)) {
            asIntake.publish(received);

            await().atMost(Duration.ofSeconds(60)).until(() -> everything.eventsFor(id, TicketLifecycleEvent.class)
                    .stream().anyMatch(TicketAssigned.class::isInstance));

            TicketResolved forged = new TicketResolved(EventIds.of(id, "TicketResolved", 1), Instant.now(), id,
                    "URBAN_MGMT", ResolutionResult.SOLVED, "已处理（伪造）", true, true);
            assertThatThrownBy(() -> asIntake.publish(forged)).hasMessageContaining("could not publish");
            assertThat(everything.allEventsFor(id, TicketLifecycleEvent.class))
                    .noneMatch(TicketResolved.class::isInstance);
        }
    }

    @Test
    void replaysADeadLetterThroughItsRetryTopicWithoutWriteOnTheTopicItConsumes() {
        String id = UUID.randomUUID().toString();
        TicketReceived parked = new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261201-" + id.substring(0, 4), Channel.PHONE, "NOISE", Urgency.NORMAL, "深夜装修噪音",
                new GeoPoint(26.5785, 106.7135), null, new CitizenContact(null, null, null, null, "zh", false), false,
                null, null, null);
        try (EventTopics asBroker = new EventTopics(broker.unsecured());
                EventTopics.Reader everything = asBroker.reader(Topics.ROUTING_TICKETS)) {
            asBroker.publishTo(DEAD_LETTERS.get(0), parked);

            web.post().uri("/api/v1/admin/dead-letters/replay")
                    .headers(h -> h.setBearerAuth(infra.tokens().mint("admin-1", "ADMIN"))).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.replayed").isEqualTo(1);

            await().atMost(Duration.ofSeconds(60)).until(() -> everything.eventsFor(id, TicketLifecycleEvent.class)
                    .stream().anyMatch(TicketAssigned.class::isInstance));
        }
    }

    @Test
    void findsItsUsersGrantsAsDocumentedAndNamesAGrantBeyondThem() throws Exception {
        assertThat(grants.problems()).isEmpty();
        grants.verify("routing");

        // Write on notification's topic would let a stolen routing credential forge citizens' ratings
        AclBinding surplus = allow(ROUTING, ResourceType.TOPIC, Topics.NOTIFICATION_FEEDBACK, AclOperation.WRITE);
        try (Admin admin = broker.admin()) {
            admin.createAcls(List.of(surplus)).all().get(30, TimeUnit.SECONDS);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> !grants.problems().isEmpty());
                assertThatThrownBy(() -> grants.verify("routing")).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Production mode (HOTLINE_PRODUCTION=true) does not start routing:")
                        .hasMessageContaining("WRITE on topic hotline.notification.feedback for User:hub-routing")
                        .hasMessageNotContaining("hotline.routing.tickets");
            } finally {
                admin.deleteAcls(List.of(surplus.toFilter())).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, Object> client(String user) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        configs.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        configs.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user));
        return configs;
    }

    private static String jaas(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + PASSWORDS.get(user) + "\";";
    }
}
