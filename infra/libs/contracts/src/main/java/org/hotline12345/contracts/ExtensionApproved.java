package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The centre approved a unit's request for more time (延期审批), to the date asked or a shorter one; the
 * {@link TicketExtended} that moves the deadline (and is texted to the citizen) follows.
 *
 * @param requestedResolveBy the deadline the unit asked for
 * @param resolveBy the deadline granted: the one asked for, or earlier
 * @param reason the supervisor's reason; {@code null} when the date asked for was granted without one
 * @param decidedBy the supervisor
 */
public record ExtensionApproved(String eventId, Instant occurredAt, String ticketId, String unitId,
        Instant requestedResolveBy, Instant resolveBy, String reason, String decidedBy)
        implements TicketLifecycleEvent {
}
