package org.hotline12345.contracts;

import java.time.Instant;

/** The citizen was not satisfied or the problem was not solved: back to the same unit (重办) by {@code resolveBy}. */
public record TicketReopened(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
        Instant resolveBy) implements TicketLifecycleEvent {
}
