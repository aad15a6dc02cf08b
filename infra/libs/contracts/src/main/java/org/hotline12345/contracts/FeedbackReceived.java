package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The citizen rated how the ticket was handled (回访).
 *
 * @param solved whether the citizen says the problem is solved
 * @param satisfaction how satisfied the citizen is
 * @param via how the answer came: {@code SMS}, {@code CALLBACK}, or {@code WEB} (the citizen's follow page,
 *     published by intake)
 * @param resolutionRound the resolution the citizen answered ({@link TicketResolved#resolutionRound()}): an answer
 *     acts only on that round, so a late or redelivered answer to an earlier one changes nothing. Absent in events
 *     of producers before it existed, and then read as the first round: the only one such an answer can be told
 *     apart from a stale one for
 */
public record FeedbackReceived(String eventId, Instant occurredAt, String ticketId, boolean solved,
        Satisfaction satisfaction, String via, Integer resolutionRound) implements FeedbackEvent {

    /** The round an answer without one is read as. */
    public static final int ROUND_OF_AN_UNNUMBERED_ANSWER = 1;

    /** An answer as producers before rounds wrote it. */
    public FeedbackReceived(String eventId, Instant occurredAt, String ticketId, boolean solved,
            Satisfaction satisfaction, String via) {
        this(eventId, occurredAt, ticketId, solved, satisfaction, via, null);
    }

    /** The resolution this answer rates, an unnumbered one read as the first. */
    public int answersRound() {
        return resolutionRound == null ? ROUND_OF_AN_UNNUMBERED_ANSWER : resolutionRound;
    }
}
