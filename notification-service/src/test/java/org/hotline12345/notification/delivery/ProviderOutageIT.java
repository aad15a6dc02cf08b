package org.hotline12345.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.NotificationEvent;
import org.hotline12345.contracts.NotificationFailed;
import org.hotline12345.contracts.NotificationSent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider goes down and comes back: texts wait instead of being lost, the circuit opens, nothing is sent
 * twice, and everything pending goes out after recovery; a provider that never comes back ends in
 * NotificationFailed.
 */
@HubIntegrationTest(database = "notification-outage-it", properties = {
        "hotline.notification.gateway=http", "hotline.notification.quiet-from=00:00",
        "hotline.notification.quiet-to=00:00", "hotline.notification.sweep-interval=500ms",
        "hotline.notification.first-retry=1s", "hotline.notification.max-retry=2s",
        "hotline.notification.max-attempts=6", "hotline.notification.http.attempts=2",
        "hotline.notification.http.timeout=1s", "hotline.notification.http.open-for=2s",
        "hotline.notification.http.api-key=k", "hotline.notification.http.secret=s"})
@ExtendWith(OutputCaptureExtension.class)
class ProviderOutageIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final WireMockServer provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final JsonMapper json = JsonMapper.builder().build();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader messages = topics.reader(Topics.NOTIFICATION_MESSAGES);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        provider.start();
        registry.add("hotline.notification.http.base-url", () -> "http://127.0.0.1:" + provider.port());
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ContactSealer sealer;

    @Test
    void keepsTextsWhileTheProviderIsDownAndSendsEachOnceAfterItRecovers() {
        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(503)));
        List<TicketReceived> tickets = IntStream.range(0, 5).mapToObj(i -> received("+861390000010" + i)).toList();
        tickets.forEach(topics::publish);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tickets.forEach(t -> {
            JsonNode text = notifications(t.ticketId()).get(0);
            assertThat(text.get("status").asString()).isEqualTo("PENDING");
            assertThat(text.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        }));
        assertThat(health().toString()).contains("OPEN");

        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-ok\"}")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tickets.forEach(t ->
                assertThat(notifications(t.ticketId()).get(0).get("status").asString()).isEqualTo("SENT")));
        Map<String, Long> acceptedPerText = provider.findAll(postRequestedFor(urlEqualTo("/v1/sms"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()).get("clientReference").asString())
                .collect(Collectors.groupingBy(ref -> ref, Collectors.counting()));
        assertThat(acceptedPerText).hasSize(5).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tickets.forEach(t ->
                assertThat(messages.eventsFor(t.ticketId(), NotificationEvent.class))
                        .singleElement().isInstanceOf(NotificationSent.class)));
    }

    @Test
    void sendsATextOnceWhenItsEventComesTwiceAndTheSweepRunsWhileTheProviderIsSlow() {
        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(200).withFixedDelay(700)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-slow\"}")));
        List<TicketReceived> tickets = IntStream.range(0, 3).mapToObj(i -> received("+861390000030" + i)).toList();
        tickets.forEach(ticket -> {
            topics.publish(ticket);
            topics.publish(ticket);
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> tickets.forEach(t ->
                assertThat(notifications(t.ticketId()).get(0).get("status").asString()).isEqualTo("SENT")));
        Map<String, Long> acceptedPerText = provider.findAll(postRequestedFor(urlEqualTo("/v1/sms"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()).get("clientReference").asString())
                .collect(Collectors.groupingBy(ref -> ref, Collectors.counting()));
        assertThat(acceptedPerText).hasSize(3).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
    }

    @Test
    void givesUpAfterTheLastAttemptAndTellsSupervisors() {
        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(500)));
        TicketReceived ticket = received("+8613900000199");
        topics.publish(ticket);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(notifications(ticket.ticketId()).get(0).get("status").asString()).isEqualTo("FAILED"));
        JsonNode failed = notifications(ticket.ticketId()).get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(6);
        assertThat(failed.get("lastError").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> messages.eventsFor(ticket.ticketId(),
                NotificationEvent.class).stream().anyMatch(NotificationFailed.class::isInstance));
        web.get().uri("/api/v1/notifications?status=FAILED").headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.ticketId == '" + ticket.ticketId() + "')].attempts").isEqualTo(
                        List.of(6));
    }

    @Test
    void logsAFailedTextWithoutTheNumbersLastFourDigits(CapturedOutput output) {
        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(503)));
        TicketReceived ticket = received("+8613900007341");
        topics.publish(ticket);

        Pattern logged = Pattern.compile("text (\\S+) about ticket " + ticket.ticketNumber());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getAll().lines()
                .map(logged::matcher).filter(Matcher::find).map(found -> found.group(1)))
                .isNotEmpty().allSatisfy(number -> assertThat(number).isEqualTo("139****")
                        .doesNotContain("7341")));

        // the text goes out once the provider is back, so that no other test's provider sees it
        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-logged\"}")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notifications(ticket.ticketId()).get(0).get("status").asString()).isEqualTo("SENT"));
    }

    private JsonNode notifications(String ticketId) {
        String body = web.get().uri("/api/v1/notifications?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode list = json.readTree(body);
        assertThat(list).isNotEmpty();
        return list;
    }

    private JsonNode health() {
        return json.readTree(web.get().uri("/actuator/health")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("admin", "ADMIN"))).exchange()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private TicketReceived received(String phone) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "POWER_SUPPLY", Urgency.NORMAL,
                "power cut in the building", null, null, new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE), sealer.hash(phone),
                        ContactSealer.mask(phone), null, "zh", true), false, null, null, null);
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
