package org.hotline12345.contracts;

import java.time.Instant;

/**
 * A supporting unit (协办单位) was given its part of a ticket that {@code unitId} leads (主办): by the rule that placed
 * it ({@code assignedBy} absent) or by the supervisor who dispatched it. The part is to be signed for by
 * {@code acceptBy} and answered to the lead by {@code dueBy}.
 *
 * @param supportingUnitId the unit that supports
 * @param assignment the ticket's assignment the part belongs to (1 for the first)
 * @param acceptBy when the supporting unit must sign for its part
 * @param dueBy when its part of the answer is due to the lead
 * @param assignedBy the supervisor who added it on dispatch; {@code null} when the rules named it
 */
public record PartAssigned(String eventId, Instant occurredAt, String ticketId, String unitId,
        String supportingUnitId, int assignment, Instant acceptBy, Instant dueBy, String assignedBy)
        implements TicketLifecycleEvent {
}
