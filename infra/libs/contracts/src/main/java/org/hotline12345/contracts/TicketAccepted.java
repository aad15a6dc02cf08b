package org.hotline12345.contracts;

import java.time.Instant;

/** The unit signed for the ticket (签收); {@code onTime} says whether it did so before its accept deadline. */
public record TicketAccepted(String eventId, Instant occurredAt, String ticketId, String unitId, boolean onTime)
        implements TicketLifecycleEvent {
}
