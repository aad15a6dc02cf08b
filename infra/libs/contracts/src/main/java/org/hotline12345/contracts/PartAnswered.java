package org.hotline12345.contracts;

import java.time.Instant;

/**
 * A supporting unit sent its part of the answer to the lead (协办答复). The citizen is not texted: the lead's
 * resolution answers the citizen for all units.
 *
 * @param supportingUnitId the unit that supports; {@code unitId} is the lead
 * @param assignment the ticket's assignment the part belongs to
 * @param answer what the supporting unit did and found, for the lead
 * @param dueBy the part's deadline
 * @param onTime whether it came by {@code dueBy}
 */
public record PartAnswered(String eventId, Instant occurredAt, String ticketId, String unitId,
        String supportingUnitId, int assignment, String answer, Instant dueBy, boolean onTime)
        implements TicketLifecycleEvent {
}
