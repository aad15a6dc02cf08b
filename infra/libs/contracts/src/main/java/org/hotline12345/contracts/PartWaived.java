package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The centre waived a supporting unit's part (协办免除): the lead may resolve without it. The part counts neither as
 * answered nor as late.
 *
 * @param supportingUnitId the unit whose part is waived; {@code unitId} is the lead
 * @param assignment the ticket's assignment the part belongs to
 * @param partState where the part stood: {@code ASSIGNED} (not signed for) or {@code ACCEPTED}
 * @param dueBy the part's deadline
 * @param overdue whether the deadline had passed when it was waived
 * @param reason the supervisor's reason
 * @param waivedBy the supervisor
 */
public record PartWaived(String eventId, Instant occurredAt, String ticketId, String unitId,
        String supportingUnitId, int assignment, String partState, Instant dueBy, boolean overdue, String reason,
        String waivedBy) implements TicketLifecycleEvent {
}
