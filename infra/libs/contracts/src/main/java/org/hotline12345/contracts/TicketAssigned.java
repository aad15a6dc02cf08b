package org.hotline12345.contracts;

import java.time.Instant;
import java.util.List;

/**
 * Routing dispatched a ticket (派单) to a lead unit, with time limits.
 *
 * @param assignment counts the assignments of this ticket from 1: a re-dispatch after a return is a new one
 * @param coUnitIds units that help the lead unit
 * @param district the district code the ticket lies in, when known
 * @param acceptBy when the unit must have signed for it
 * @param resolveBy when the unit must have resolved it
 * @param reason why this unit was chosen
 */
public record TicketAssigned(String eventId, Instant occurredAt, String ticketId, String ticketNumber,
        int assignment, String unitId, String unitName, List<String> coUnitIds, String category, String district,
        Priority priority, Instant acceptBy, Instant resolveBy, AssignmentReason reason)
        implements TicketLifecycleEvent {

    public TicketAssigned {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }
}
