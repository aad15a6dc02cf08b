package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The centre rejected a unit's return (退单审核): the ticket stays {@code unitId}'s, with the deadlines it had before
 * the return. {@code reason} is the supervisor's, {@code decidedBy} the supervisor.
 *
 * @param backTo the state the ticket is back in, the one the unit returned it from ({@code ASSIGNED} or
 *     {@code ACCEPTED}); {@code null} from producers before it was carried
 * @param acceptBy the accept deadline that runs again, as it was
 * @param resolveBy the resolve deadline that runs again, as it was
 */
public record ReturnRejected(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
        String decidedBy, String backTo, Instant acceptBy, Instant resolveBy) implements TicketLifecycleEvent {

    /** A rejection as producers before {@code backTo} and the deadlines wrote it. */
    public ReturnRejected(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
            String decidedBy) {
        this(eventId, occurredAt, ticketId, unitId, reason, decidedBy, null, null, null);
    }
}
