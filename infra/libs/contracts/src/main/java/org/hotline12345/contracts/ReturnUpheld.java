package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The centre upheld a unit's return (退单审核): the ticket was not {@code unitId}'s, and goes to {@code nextUnitId}
 * (a {@link TicketAssigned} follows). {@code reason} is the supervisor's, {@code decidedBy} the supervisor.
 */
public record ReturnUpheld(String eventId, Instant occurredAt, String ticketId, String unitId, String nextUnitId,
        String reason, String decidedBy) implements TicketLifecycleEvent {
}
