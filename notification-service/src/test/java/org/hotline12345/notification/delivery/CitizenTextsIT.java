package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.notification.gateway.DevSmsOutbox.OutboxText;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CitizenTextsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static EventTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.springProperties("notification-it").forEach((k, v) -> registry.add(k, () -> v));
    }

    @BeforeAll
    static void clients() {
        topics = new EventTopics(infra.kafka());
    }

    @AfterAll
    static void closeClients() {
        topics.close();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ContactSealer sealer;

    @Test
    void textsTheTicketNumberThenTheUnitAndDueDateInChinese() {
        TicketReceived received = received("zh", true);
        topics.publish(received);
        topics.publish(assigned(received));

        List<OutboxText> texts = awaitTexts(received.ticketId(), 2);

        assertThat(texts).extracting(OutboxText::text).containsExactlyInAnyOrder(
                "【12345】您反映的问题已受理，工单号" + received.ticketNumber() + "。可凭工单号和手机后四位查询办理进度。",
                "【12345】您的工单" + received.ticketNumber() + "已转贵阳水务集团办理，办结时限2026-12-05 18:00。");
        assertThat(texts).allSatisfy(t -> {
            assertThat(t.to()).isEqualTo("139****0001");
            assertThat(t.segments()).isEqualTo(1);
        });
    }

    @Test
    void textsInEnglishWhenTheCitizenAskedForIt() {
        TicketReceived received = received("en", true);
        topics.publish(received);
        topics.publish(assigned(received));

        assertThat(awaitTexts(received.ticketId(), 2)).extracting(OutboxText::text).contains(
                "[12345] Ticket " + received.ticketNumber() + " is with Guiyang Water Group, due by 2026-12-05 18:00.");
    }

    @Test
    void sendsOneTextPerEventHoweverOftenTheEventArrives() {
        TicketReceived received = received("zh", true);
        TicketAssigned assigned = assigned(received);
        topics.publish(received);
        topics.publish(received);
        topics.publish(assigned);
        topics.publish(assigned);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                infra.kafka().hasConsumedAll("notification", Topics.INTAKE_TICKETS)
                        && infra.kafka().hasConsumedAll("notification", Topics.ROUTING_TICKETS));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/notifications?ticketId={id}", received.ticketId())
                .headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].status").isEqualTo("SENT")
                .jsonPath("$[1].status").isEqualTo("SENT"));
        assertThat(texts(received.ticketId())).hasSize(2);
    }

    @Test
    void neverTextsACallerWhoAskedNotToBeContacted() {
        TicketReceived received = received("zh", false);
        topics.publish(received);
        topics.publish(assigned(received));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/notifications?ticketId={id}", received.ticketId())
                .headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].status").isEqualTo("SUPPRESSED")
                .jsonPath("$[1].status").isEqualTo("SUPPRESSED"));
        assertThat(texts(received.ticketId())).isEmpty();
    }

    @Test
    void showsTheOutboxToSupervisorsOnly() {
        web.get().uri("/api/v1/sms-outbox").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/sms-outbox").exchange().expectStatus().isUnauthorized();
    }

    private TicketReceived received(String language, boolean contactAllowed) {
        String id = UUID.randomUUID().toString();
        String phone = "+8613900000001";
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "WATER_SUPPLY", Urgency.HIGH,
                "no water since morning", null, null,
                new CitizenContact(sealer.seal(phone), sealer.hash(phone), ContactSealer.mask(phone), null, language,
                        contactAllowed), false, null, null, null);
    }

    private static TicketAssigned assigned(TicketReceived received) {
        Instant due = Instant.parse("2026-12-05T10:00:00Z");
        return new TicketAssigned(EventIds.of(received.ticketId(), "TicketAssigned", 1), Instant.now(),
                received.ticketId(), received.ticketNumber(), 1, "WATER_CO", "贵阳水务集团", List.of(),
                "WATER_SUPPLY", "YUNYAN", Priority.HIGH, due.minusSeconds(3600), due,
                new AssignmentReason("water", 1, "YY-04", List.of("category=WATER_SUPPLY")));
    }

    private List<OutboxText> awaitTexts(String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(ticketId).size() >= count);
        return texts(ticketId);
    }

    private List<OutboxText> texts(String ticketId) {
        return web.get().uri("/api/v1/sms-outbox?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk()
                .expectBodyList(OutboxText.class).returnResult().getResponseBody();
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
