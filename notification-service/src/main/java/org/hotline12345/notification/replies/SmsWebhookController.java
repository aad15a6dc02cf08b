package org.hotline12345.notification.replies;

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
 * signed with the shared webhook secret ({@code X-Signature}: hex HMAC-SHA256 of the exact body), else 401.
 */
@RestController
@RequestMapping("/api/v1/sms")
class SmsWebhookController {

    private final InboundReplies replies;
    private final DeliveryReceipts receipts;
    private final NotificationProperties settings;
    private final JsonMapper json;

    SmsWebhookController(InboundReplies replies, DeliveryReceipts receipts, NotificationProperties settings,
            JsonMapper json) {
        this.replies = replies;
        this.receipts = receipts;
        this.settings = settings;
        this.json = json;
    }

    /** A citizen's text: {@code {"messageId","from","text","receivedAt"}}. */
    @PostMapping("/inbound")
    Mono<ResponseEntity<Outcome>> inbound(@RequestBody String body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        Inbound inbound = verified(body, signature, Inbound.class);
        if (blank(inbound.messageId()) || blank(inbound.from())) {
            return Mono.error(new InvalidRequestException(blank(inbound.messageId()) ? "messageId" : "from",
                    "is required"));
        }
        return replies.receive(inbound.messageId(), inbound.from(), inbound.text())
                .map(outcome -> ResponseEntity.ok(new Outcome(outcome)));
    }

    /** A delivery receipt: {@code {"messageId","clientReference","status":"DELIVERED|FAILED","at"}}. */
    @PostMapping("/receipts")
    Mono<ResponseEntity<Outcome>> receipt(@RequestBody String body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        Receipt receipt = verified(body, signature, Receipt.class);
        if (blank(receipt.messageId()) || blank(receipt.status())) {
            return Mono.error(new InvalidRequestException(blank(receipt.messageId()) ? "messageId" : "status",
                    "is required"));
        }
        return receipts.record(receipt).map(outcome -> ResponseEntity.ok(new Outcome(outcome)));
    }

    private <T> T verified(String body, String signature, Class<T> type) {
        if (!HmacSignature.verify(settings.webhookSecret(), body, signature)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The webhook signature does not match.");
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
