package org.hotline12345.contracts;

import java.time.Instant;

/**
 * Supervisors were alerted about the ticket (督办).
 *
 * @param reason {@code ACCEPT_OVERDUE}, {@code RESOLVE_OVERDUE} or {@code REPEAT_CALL}
 * @param deadline the deadline that passed, when a deadline is the reason
 */
public record TicketEscalated(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
        Instant deadline) implements TicketLifecycleEvent {
}
