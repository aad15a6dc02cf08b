package org.hotline12345.contracts;

import java.time.Instant;

/** The unit was given more time (延期): the resolve deadline moved to {@code resolveBy}. */
public record TicketExtended(String eventId, Instant occurredAt, String ticketId, String unitId, Instant resolveBy,
        String reason, String approvedBy) implements TicketLifecycleEvent {
}
