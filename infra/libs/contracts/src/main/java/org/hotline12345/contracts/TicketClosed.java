package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The ticket was archived (归档).
 *
 * @param reason {@code FEEDBACK}, {@code FEEDBACK_WINDOW_PASSED} or {@code RESOLVED_AT_INTAKE}
 */
public record TicketClosed(String eventId, Instant occurredAt, String ticketId, String unitId, String reason)
        implements TicketLifecycleEvent {
}
