package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The citizen was not satisfied or the problem was not solved: back to the same unit (重办) by {@code resolveBy}.
 *
 * @param resolutionRound the round of the resolution the citizen turned down
 *     ({@link TicketResolved#resolutionRound()}); absent in events of producers before it existed
 */
public record TicketReopened(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
        Instant resolveBy, Integer resolutionRound) implements TicketLifecycleEvent {

    /** A reopening as producers before rounds wrote it. */
    public TicketReopened(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
            Instant resolveBy) {
        this(eventId, occurredAt, ticketId, unitId, reason, resolveBy, null);
    }
}
