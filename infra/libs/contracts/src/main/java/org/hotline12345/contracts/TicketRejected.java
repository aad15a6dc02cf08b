package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The unit returned the ticket (退单) as not its business: routing dispatches it again without that unit, or, where
 * the centre reviews returns, holds it until a supervisor upholds the return ({@link ReturnUpheld}) or rejects it
 * ({@link ReturnRejected}). {@code basis} is the law or list of duties the unit cites; {@code null} when it cites
 * none, and in events written before units could cite one.
 */
public record TicketRejected(String eventId, Instant occurredAt, String ticketId, String unitId, String reasonCode,
        String reasonText, String basis) implements TicketLifecycleEvent {

    /** A return that cites no law or list of duties. */
    public TicketRejected(String eventId, Instant occurredAt, String ticketId, String unitId, String reasonCode,
            String reasonText) {
        this(eventId, occurredAt, ticketId, unitId, reasonCode, reasonText, null);
    }
}
