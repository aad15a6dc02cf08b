package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The unit resolved the ticket (办结) with a result and a reply for the citizen.
 *
 * @param onTime whether it did so before its resolve deadline
 * @param replyPublic whether the unit let the reply be shown publicly (Open311) besides being sent to the citizen;
 *     absent in events of producers before it existed, which means no
 */
public record TicketResolved(String eventId, Instant occurredAt, String ticketId, String unitId,
        ResolutionResult result, String reply, boolean onTime, Boolean replyPublic) implements TicketLifecycleEvent {

    /** A resolution whose reply is for the citizen only. */
    public TicketResolved(String eventId, Instant occurredAt, String ticketId, String unitId, ResolutionResult result,
            String reply, boolean onTime) {
        this(eventId, occurredAt, ticketId, unitId, result, reply, onTime, false);
    }

    /** Whether the reply may be published. */
    public boolean mayPublishReply() {
        return Boolean.TRUE.equals(replyPublic);
    }
}
