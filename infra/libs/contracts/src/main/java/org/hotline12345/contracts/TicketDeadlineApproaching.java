package org.hotline12345.contracts;

import java.time.Instant;

/**
 * A reminder that a deadline is near (by default at 80% of the time allowed): the unit still has time to act.
 *
 * @param deadlineKind {@code ACCEPT} or {@code RESOLVE}
 * @param deadline when the deadline passes
 */
public record TicketDeadlineApproaching(String eventId, Instant occurredAt, String ticketId, String unitId,
        String deadlineKind, Instant deadline) implements TicketLifecycleEvent {
}
