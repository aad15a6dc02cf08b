package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The centre refused a unit's request for more time (延期审批): the deadline {@code resolveBy} stands, as it ran while
 * the request waited. Nobody is texted.
 *
 * @param requestedResolveBy the deadline the unit asked for
 * @param resolveBy the deadline that stands
 * @param reason the supervisor's reason
 * @param decidedBy the supervisor
 */
public record ExtensionRefused(String eventId, Instant occurredAt, String ticketId, String unitId,
        Instant requestedResolveBy, Instant resolveBy, String reason, String decidedBy)
        implements TicketLifecycleEvent {
}
