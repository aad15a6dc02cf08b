package org.hotline12345.contracts;

import java.time.Instant;

/** A text could not be sent after its last attempt; supervisors see it. */
public record NotificationFailed(String eventId, Instant occurredAt, String ticketId, String notificationId,
        String trigger, int attempts, String lastError) implements NotificationEvent {
}
