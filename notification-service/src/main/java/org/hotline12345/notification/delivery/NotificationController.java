package org.hotline12345.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.validation.annotation.Validated;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Supervisors see each text of a ticket: what it said, its attempts and where it stands. A text's one-time code and
 * follow link token are masked ({@link StaffTexts}): they are the citizen's proof of their number.
 */
@RestController
@Validated
@PreAuthorize("hasRole('SUPERVISOR')")
class NotificationController {

    private final ReactiveMongoTemplate mongo;

    NotificationController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The texts of a ticket, or every text in a state (e.g. {@code status=FAILED}), oldest first. */
    @GetMapping("/api/v1/notifications")
    Flux<NotificationView> notifications(@RequestParam(required = false) String ticketId,
            @RequestParam(required = false) @Pattern(regexp = "PENDING|SENT|FAILED|SUPPRESSED") String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (ticketId == null && status == null) {
            return Flux.error(new InvalidRequestException("ticketId", "required", "give a ticketId or a status"));
        }
        Criteria criteria = new Criteria();
        if (ticketId != null) {
            criteria = criteria.and("ticketId").is(ticketId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt")).limit(limit), Notification.class)
                .map(NotificationView::of);
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
            return new NotificationView(n.getId(), n.getTicketId(), n.getTrigger(), n.getStatus().name(),
                    n.getSuppressedBecause(), n.getTemplateId(), n.getLanguage(),
                    StaffTexts.masked(n.getText(), n.getValues()), n.getSegments(),
                    n.getMaskedPhone(), n.getAttempts(), n.getLastError(), n.getNotBefore(), n.getNextAttemptAt(),
                    n.getGatewayMessageId(), n.getDeliveryStatus(), n.getCreatedAt(), n.getSentAt(),
                    n.getDeliveredAt());
        }
    }
}
