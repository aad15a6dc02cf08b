package org.hotline12345.contracts;

import java.time.Instant;

/**
 * A supporting unit signed for its part of a ticket (协办签收); {@code onTime} against its part's accept deadline.
 *
 * @param supportingUnitId the unit that supports; {@code unitId} is the lead
 * @param assignment the ticket's assignment the part belongs to
 */
public record PartAccepted(String eventId, Instant occurredAt, String ticketId, String unitId,
        String supportingUnitId, int assignment, boolean onTime) implements TicketLifecycleEvent {
}
