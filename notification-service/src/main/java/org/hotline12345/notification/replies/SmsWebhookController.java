package org.hotline12345.notification.replies;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hotline12345.notification.delivery.NotificationProperties;
import org.hotline12345.notification.gateway.HmacSignature;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider's webhooks: citizens' replies and delivery receipts. There is no token here; each call must be
 * signed with the shared webhook secret, else 401: {@code X-Timestamp} is the time of sending in Unix seconds and
 * {@code X-Signature} the hex HMAC-SHA256 of that timestamp, a line feed and the exact body. A call whose timestamp is
 * further from now than the tolerance is refused too, so a captured call cannot be replayed later; within the
 * tolerance a replay changes nothing, since replies and receipts are kept once per message id.
 */
@RestController
@RequestMapping("/api/v1/sms")
class SmsWebhookController {

    private final InboundReplies replies;
    private final DeliveryReceipts receipts;
    private final NotificationProperties settings;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    SmsWebhookController(InboundReplies replies, DeliveryReceipts receipts, NotificationProperties settings,
            JsonMapper json, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.clock = clock;
        this.replies = replies;
        this.receipts = receipts;
        this.settings = settings;
        this.json = json;
    }

    /** A citizen's text: {@code {"messageId","from","text","receivedAt"}}. */
    @PostMapping("/inbound")
    Mono<ResponseEntity<Outcome>> inbound(@RequestBody String body,
            @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        Inbound inbound = verified(body, timestamp, signature, Inbound.class);
        if (blank(inbound.messageId()) || blank(inbound.from())) {
            return Mono.error(new InvalidRequestException(blank(inbound.messageId()) ? "messageId" : "from",
                    "is required"));
        }
        return replies.receive(inbound.messageId(), inbound.from(), inbound.text())
                .doOnNext(outcome -> meters.counter("hotline.replies", "outcome", outcome).increment())
                .map(outcome -> ResponseEntity.ok(new Outcome(outcome)));
    }

    /** A delivery receipt: {@code {"messageId","clientReference","status":"DELIVERED|FAILED","at"}}. */
    @PostMapping("/receipts")
    Mono<ResponseEntity<Outcome>> receipt(@RequestBody String body,
            @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        Receipt receipt = verified(body, timestamp, signature, Receipt.class);
        if (blank(receipt.messageId()) || blank(receipt.status())) {
            return Mono.error(new InvalidRequestException(blank(receipt.messageId()) ? "messageId" : "status",
                    "is required"));
        }
        return receipts.record(receipt).map(outcome -> ResponseEntity.ok(new Outcome(outcome)));
    }

    private <T> T verified(String body, String timestamp, String signature, Class<T> type) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")
                || !HmacSignature.verify(settings.webhookSecret(), timestamp + "\n" + body, signature)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The webhook signature does not match.");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant()).abs();
        if (age.compareTo(settings.webhookTolerance()) > 0) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The webhook was signed " + age.toSeconds()
                    + " s from now; at most " + settings.webhookTolerance().toSeconds() + " s are accepted.");
        }
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw new InvalidRequestException("(body)", "is not a webhook payload: " + e.getOriginalMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    record Inbound(String messageId, String from, String text, String receivedAt) {
    }

    record Receipt(String messageId, String clientReference, String status, String at) {
    }

    record Outcome(String outcome) {
    }
}
