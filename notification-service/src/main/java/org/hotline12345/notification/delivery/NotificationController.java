package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** Supervisors see each text of a ticket: what it said, its attempts and where it stands. */
@RestController
@PreAuthorize("hasRole('SUPERVISOR')")
class NotificationController {

    private final ReactiveMongoTemplate mongo;

    NotificationController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/v1/notifications")
    Flux<NotificationView> notifications(@RequestParam String ticketId) {
        return mongo.find(Query.query(Criteria.where("ticketId").is(ticketId)).with(Sort.by("createdAt")),
                Notification.class).map(NotificationView::of);
    }

    /**
     * One text: {@code status} is PENDING (waiting for quiet hours to end or for its next attempt), SENT, FAILED
     * (after the last attempt) or SUPPRESSED (with why); {@code deliveryStatus} is what the provider reported.
     */
    record NotificationView(String notificationId, String ticketId, String trigger, String status,
            String suppressedBecause, String templateId, String language, String text, int segments, String to,
            int attempts, String lastError, Instant notBefore, Instant nextAttemptAt, String gatewayMessageId,
            String deliveryStatus, Instant createdAt, Instant sentAt, Instant deliveredAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getTicketId(), n.getTrigger(), n.getStatus(),
                    n.getSuppressedBecause(), n.getTemplateId(), n.getLanguage(), n.getText(), n.getSegments(),
                    n.getMaskedPhone(), n.getAttempts(), n.getLastError(), n.getNotBefore(), n.getNextAttemptAt(),
                    n.getGatewayMessageId(), n.getDeliveryStatus(), n.getCreatedAt(), n.getSentAt(),
                    n.getDeliveredAt());
        }
    }
}
