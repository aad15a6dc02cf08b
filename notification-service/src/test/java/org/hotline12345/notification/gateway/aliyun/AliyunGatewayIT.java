package org.hotline12345.notification.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notification on Alibaba Cloud SMS, against a local stand-in that checks each call as the provider documents it:
 * the approved template and its variables under the city's signature, signed with the V3 signature; the provider's
 * receipts and replies pushed back in its format; a send whose answer never came looked up instead of sent twice;
 * a number the provider refuses failed at once.
 */
@HubIntegrationTest(database = "notification-aliyun-it", properties = {
        "hotline.notification.gateway=aliyun", "hotline.notification.quiet-from=00:00",
        "hotline.notification.quiet-to=00:00", "hotline.notification.sweep-interval=500ms",
        "hotline.notification.first-retry=1s", "hotline.notification.max-retry=2s",
        "hotline.notification.http.attempts=1", "hotline.notification.http.timeout=1s",
        "hotline.notification.http.api-key=" + AliyunGatewayIT.KEY_ID,
        "hotline.notification.http.secret=" + AliyunGatewayIT.KEY_SECRET,
        "hotline.notification.aliyun.sign-name=" + AliyunGatewayIT.SIGN_NAME,
        "hotline.notification.aliyun.template-codes=" + AliyunGatewayIT.TEMPLATE_CODES,
        "hotline.notification.aliyun.push-secret=" + AliyunGatewayIT.PUSH_SECRET,
        "hotline.notification.webhook-secret=" + AliyunGatewayIT.WEBHOOK_SECRET})
class AliyunGatewayIT {

    static final String KEY_ID = "LTAI5tHotlineTest";
    static final String KEY_SECRET = "aliyun-test-secret-0123456789";
    static final String SIGN_NAME = "贵阳12345";
    static final String PUSH_SECRET = "push-path-secret-4f1c9e2b7a";
    static final String WEBHOOK_SECRET = "webhook-signing-key-9d3e0b";
    static final String TEMPLATE_CODES = "TicketReceived.zh=SMS_460001,TicketReceived.en=SMS_460002,"
            + "PublicReceipt.zh=SMS_460003,PublicReceipt.en=SMS_460004,TicketAssigned.zh=SMS_460005,"
            + "TicketAssigned.en=SMS_460006,TicketExtended.zh=SMS_460007,TicketExtended.en=SMS_460008,"
            + "TicketResolved.zh=SMS_460009,TicketResolved.en=SMS_460010,TicketReopened.zh=SMS_460011,"
            + "TicketReopened.en=SMS_460012,TicketClosed.zh=SMS_460013,TicketClosed.en=SMS_460014,"
            + "ReplyHelp.zh=SMS_460015,ReplyHelp.en=SMS_460016,AnswerGiven.zh=SMS_460017,AnswerGiven.en=SMS_460018";

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final AliyunSmsStub provider = new AliyunSmsStub(KEY_ID, KEY_SECRET, SIGN_NAME,
            Map.of("SMS_460001", Set.of("ticketNumber", "followToken"), "SMS_460002",
                    Set.of("ticketNumber", "followToken")));
    /** The sample city with its follow links written as Alibaba Cloud's templates need them. */
    static final Path CITY = AliyunCity.sampleWithSplitFollowLinks();
    static final JsonMapper json = JsonMapper.builder().build();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("hotline.notification.http.base-url", provider::url);
        registry.add("hotline.city.dir", CITY::toString);
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ContactSealer sealer;
    @LocalServerPort
    int port;

    @BeforeEach
    void wellBehaved() {
        provider.behave(AliyunSmsStub.Behaviour.WELL);
    }

    @Test
    void sendsTheApprovedTemplateWithItsVariablesUnderTheCitysSignature() {
        TicketReceived ticket = received("+8613800138001");
        topics.publish(ticket);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(notification(ticket).get("status").asString()).isEqualTo("SENT"));
        AliyunSmsStub.Sent sent = sentFor(ticket);
        assertThat(sent.phone()).isEqualTo("13800138001");
        assertThat(sent.templateCode()).isEqualTo("SMS_460001");
        assertThat(sent.variables()).containsOnlyKeys("ticketNumber", "followToken")
                .containsEntry("ticketNumber", ticket.ticketNumber());
        assertThat(sent.variables().get("followToken")).hasSizeLessThanOrEqualTo(35);
        assertThat(sent.outId()).isEqualTo(notification(ticket).get("notificationId").asString());
        assertThat(notification(ticket).get("gatewayMessageId").asString()).isEqualTo(sent.bizId());
        assertThat(provider.refusals()).isEmpty();
    }

    @Test
    void recordsTheProvidersDeliveryReportAndAnswersAsItExpects() {
        TicketReceived ticket = received("+8613800138002");
        topics.publish(ticket);
        await().atMost(Duration.ofSeconds(20)).until(() -> sentOrNull(ticket) != null);
        AliyunSmsStub.Sent sent = sentFor(ticket);

        HttpResponse<String> stranger = provider.pushReport(callback("a-guessed-secret", "reports"), sent, true);
        assertThat(stranger.statusCode()).isEqualTo(404);
        // the webhooks' signing key is not the push addresses' secret: an address must never carry it
        assertThat(provider.pushReport(callback(WEBHOOK_SECRET, "reports"), sent, true).statusCode()).isEqualTo(404);
        // nothing about the body is read before the secret is checked
        web.post().uri("/api/v1/sms/aliyun/reports?secret=a-guessed-secret").bodyValue("not a push").exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/v1/sms/aliyun/reports").bodyValue("[]").exchange().expectStatus().isNotFound();
        assertThat(notification(ticket).path("deliveryStatus").isMissingNode()
                || notification(ticket).path("deliveryStatus").isNull()).isTrue();

        HttpResponse<String> pushed = provider.pushReport(callback(PUSH_SECRET, "reports"), sent, true);
        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(pushed.body()).get("code").isNumber()).isTrue();
        assertThat(notification(ticket).get("deliveryStatus").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void takesACitizensReplyPushedInTheProvidersFormat() {
        HttpResponse<String> pushed = provider.pushReply(callback(PUSH_SECRET, "replies"), "13800138003", "TD",
                "7001");
        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(pushed.body()).get("code").asInt()).isZero();

        // the number opted out, so the next text to it is never sent
        TicketReceived ticket = received("+8613800138003");
        topics.publish(ticket);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(notification(ticket).get("status").asString()).isEqualTo("SUPPRESSED"));
        assertThat(sentOrNull(ticket)).isNull();
    }

    @Test
    void looksTheTextUpInsteadOfSendingItAgainWhenTheProvidersAnswerNeverCame() {
        provider.behave(AliyunSmsStub.Behaviour.SILENT_AFTER_ACCEPTING);
        int queriesBefore = provider.queries();
        TicketReceived ticket = received("+8613800138004");
        topics.publish(ticket);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentOrNull(ticket) != null);
        provider.behave(AliyunSmsStub.Behaviour.WELL);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(notification(ticket).get("status").asString()).isEqualTo("SENT"));
        assertThat(provider.accepted()).filteredOn(s -> s.phone().equals("13800138004")).hasSize(1);
        assertThat(provider.queries()).isGreaterThan(queriesBefore);
    }

    @Test
    void failsATextToANumberTheProviderRefusesAtOnce() {
        TicketReceived ticket = received("+86" + AliyunSmsStub.ILLEGAL_NUMBER);
        topics.publish(ticket);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode failed = notification(ticket);
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("attempts").asInt()).isEqualTo(1);
            assertThat(failed.get("lastError").asString()).contains("isv.MOBILE_NUMBER_ILLEGAL");
        });
    }

    private String callback(String secret, String kind) {
        return "http://127.0.0.1:" + port + "/api/v1/sms/aliyun/" + kind + "?secret=" + secret;
    }

    private static AliyunSmsStub.Sent sentFor(TicketReceived ticket) {
        AliyunSmsStub.Sent sent = sentOrNull(ticket);
        assertThat(sent).as("the provider took the text about " + ticket.ticketNumber()).isNotNull();
        return sent;
    }

    private static AliyunSmsStub.Sent sentOrNull(TicketReceived ticket) {
        return provider.accepted().stream().filter(s -> s.outId() != null && s.outId().startsWith(ticket.ticketId()))
                .findFirst().orElse(null);
    }

    private JsonNode notification(TicketReceived ticket) {
        JsonNode list = json.readTree(web.get().uri("/api/v1/notifications?ticketId={id}", ticket.ticketId())
                .headers(h -> h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private TicketReceived received(String phone) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261201-" + id.substring(0, 4), Channel.PHONE, "POWER_SUPPLY", Urgency.NORMAL,
                "power cut in the building", null, null, new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE), sealer.hash(phone),
                        ContactSealer.mask(phone), null, "zh", true), false, null, null, null);
    }
}
