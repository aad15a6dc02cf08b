package org.hotline12345.notification.replies;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hotline12345.notification.gateway.aliyun.AliyunProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import org.hotline12345.platform.problem.InvalidRequestException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud's HTTP batch pushes (HTTP批量推送): delivery receipts ({@code SmsReport}) and citizens' replies
 * ({@code SmsUp}), each a JSON array, in the provider's documented format. The provider signs nothing and publishes no
 * addresses, so the address configured in its console carries a secret of its own (HOTLINE_SMS_PUSH_SECRET, never
 * the webhooks' signing key, which an address would leak into logs), as the query's {@code secret}:
 * a call without it is 404 before its body is read, as an unknown address is. In the query rather than the path,
 * the secret stays out of traces and request metrics, which record the path. The provider takes a 200 with a
 * numeric {@code code} as received and retries
 * anything else (after 1, 5 and 10 minutes), so a failure answers 500 and a redelivery changes nothing: a receipt
 * sets what it sets again, a reply is kept once by its sequence id.
 */
@RestController
@RequestMapping("/api/v1/sms/aliyun")
@ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "aliyun")
class AliyunPushController {

    private static final DateTimeFormatter PROVIDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The provider's clock: the push's times carry no zone. */
    private static final ZoneId PROVIDER_ZONE = ZoneId.of("Asia/Shanghai");

    private final InboundReplies replies;
    private final DeliveryReceipts receipts;
    private final AliyunProperties settings;
    private final MeterRegistry meters;
    private final JsonMapper json;

    AliyunPushController(InboundReplies replies, DeliveryReceipts receipts, AliyunProperties settings,
            MeterRegistry meters, JsonMapper json) {
        this.replies = replies;
        this.receipts = receipts;
        this.settings = settings;
        this.meters = meters;
        this.json = json;
    }

    /** {@code [{"phone_number","send_time","report_time","success","err_code","err_msg","sms_size","biz_id","out_id"}]}. */
    @PostMapping("/reports")
    Mono<Received> reports(@RequestParam(required = false) String secret, @RequestBody String body) {
        verify(secret);
        return Flux.fromIterable(batch(body))
                .concatMap(report -> receipts.record(new SmsWebhookController.Receipt(
                        report.path("biz_id").asString(""), blankToNull(report.path("out_id").asString("")),
                        report.path("success").asBoolean(false) ? "DELIVERED" : "FAILED",
                        instant(report.path("report_time").asString("")))))
                .then(Mono.just(Received.OK));
    }

    /** {@code [{"phone_number","content","send_time","dest_code","sequence_id"}]} ({@code sign_name} in older ones). */
    @PostMapping("/replies")
    Mono<Received> replies(@RequestParam(required = false) String secret, @RequestBody String body) {
        verify(secret);
        return Flux.fromIterable(batch(body))
                .concatMap(text -> replies.receive(replyId(text), text.path("phone_number").asString(""),
                                text.path("content").asString(""))
                        .doOnNext(outcome -> meters.counter("hotline.replies", "outcome", outcome).increment()))
                .then(Mono.just(Received.OK));
    }

    private void verify(String secret) {
        String expected = settings.pushSecret();
        if (expected.isEmpty() || secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private List<JsonNode> batch(String body) {
        try {
            JsonNode batch = json.readTree(body);
            if (!batch.isArray()) {
                throw new InvalidRequestException("(body)", "is not a list of the provider's pushes");
            }
            List<JsonNode> items = new java.util.ArrayList<>();
            batch.forEach(items::add);
            return items;
        } catch (JacksonException e) {
            throw new InvalidRequestException("(body)", "is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A reply's id, to keep it once however often it is pushed: the provider's sequence id with the number, or, for
     * a push without one, the number, time and text.
     */
    private static String replyId(JsonNode text) {
        String sequence = text.path("sequence_id").asString("");
        String phone = text.path("phone_number").asString("");
        return "aliyun-" + phone + "-" + (sequence.isBlank() ? Integer.toHexString((text.path("send_time")
                .asString("") + "|" + text.path("content").asString("")).hashCode()) : sequence);
    }

    private static String instant(String providerTime) {
        try {
            return LocalDateTime.parse(providerTime, PROVIDER_TIME).atZone(PROVIDER_ZONE).toInstant().toString();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    /** What the provider reads: a numeric code. */
    record Received(int code, String msg) {
        static final Received OK = new Received(0, "接收成功");
    }
}
