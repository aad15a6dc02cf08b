package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The unit resolved the ticket (办结) with a result and a reply for the citizen.
 *
 * @param onTime whether it did so before its resolve deadline
 */
public record TicketResolved(String eventId, Instant occurredAt, String ticketId, String unitId,
        ResolutionResult result, String reply, boolean onTime) implements TicketLifecycleEvent {
}
