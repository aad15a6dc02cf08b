package org.hotline12345.contracts;

import java.time.Instant;

/**
 * A text reached the SMS gateway.
 *
 * @param notificationId the hub's id of the text, one per ticket and trigger event
 * @param templateId the template the text was made from
 * @param language the language of the text
 * @param segments how many SMS segments the text takes
 * @param gatewayMessageId the gateway's id for delivery receipts
 */
public record NotificationSent(String eventId, Instant occurredAt, String ticketId, String notificationId,
        String trigger, String templateId, String language, int segments, String gatewayMessageId)
        implements NotificationEvent {
}
