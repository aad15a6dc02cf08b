package org.hotline12345.contracts;

import java.time.Instant;

/** The unit returned the ticket (退单) as not its business; routing dispatches it again without that unit. */
public record TicketRejected(String eventId, Instant occurredAt, String ticketId, String unitId, String reasonCode,
        String reasonText) implements TicketLifecycleEvent {
}
