package org.hotline12345.contracts;

import java.time.Instant;

/**
 * A unit asked for more time (延期申请) beyond what the city lets it take on its own: the request waits for the centre
 * (延期审批), and until the centre grants it the deadline {@code currentResolveBy} stands and runs against the unit.
 * An {@link ExtensionApproved} or {@link ExtensionRefused} follows; none does when the unit resolves or returns the
 * ticket first. Extensions granted at once are no request: they are a {@link TicketExtended} alone.
 *
 * @param resolveBy the deadline the unit asks for
 * @param currentResolveBy the deadline that stands meanwhile
 * @param reason the unit's reason
 * @param requestedBy who asked, of the unit
 * @param decideBy by when the centre should decide
 */
public record ExtensionRequested(String eventId, Instant occurredAt, String ticketId, String unitId,
        Instant resolveBy, Instant currentResolveBy, String reason, String requestedBy, Instant decideBy)
        implements TicketLifecycleEvent {
}
