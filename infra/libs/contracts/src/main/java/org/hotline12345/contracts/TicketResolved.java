package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The unit resolved the ticket (办结) with a result and a reply for the citizen.
 *
 * @param onTime whether it did so before its resolve deadline
 * @param replyPublic whether the unit let the reply be shown publicly (Open311) besides being sent to the citizen;
 *     absent in events of producers before it existed, which means no
 * @param resolutionRound which resolution of the ticket this is: 1 for the first, one more after each reopening
 *     (重办). The citizen's answer names it ({@link FeedbackReceived#resolutionRound()}), so that an answer to an
 *     earlier resolution never settles a later one. Absent in events of producers before it existed.
 */
public record TicketResolved(String eventId, Instant occurredAt, String ticketId, String unitId,
        ResolutionResult result, String reply, boolean onTime, Boolean replyPublic, Integer resolutionRound)
        implements TicketLifecycleEvent {

    /** A resolution whose reply is for the citizen only, as producers before rounds wrote it. */
    public TicketResolved(String eventId, Instant occurredAt, String ticketId, String unitId, ResolutionResult result,
            String reply, boolean onTime) {
        this(eventId, occurredAt, ticketId, unitId, result, reply, onTime, false, null);
    }

    /** A resolution as producers before rounds wrote it. */
    public TicketResolved(String eventId, Instant occurredAt, String ticketId, String unitId, ResolutionResult result,
            String reply, boolean onTime, Boolean replyPublic) {
        this(eventId, occurredAt, ticketId, unitId, result, reply, onTime, replyPublic, null);
    }

    /** Whether the reply may be published. */
    public boolean mayPublishReply() {
        return Boolean.TRUE.equals(replyPublic);
    }
}
