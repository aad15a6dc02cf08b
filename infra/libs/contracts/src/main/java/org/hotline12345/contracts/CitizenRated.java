package org.hotline12345.contracts;

/**
 * A citizen rated a resolution on their follow page (intake). Notification, which asks each resolution's question
 * and takes one answer for it whichever way it comes, turns it into a {@link FeedbackReceived} via {@code WEB}, or
 * drops it when a text reply answered that question first; so no service but notification writes feedback.
 *
 * @param resolutionRound the resolution the rating answers, as the follow page showed it (1 for the first)
 * @param comment what the citizen wrote beside the rating, if anything
 */
public record CitizenRated(String eventId, java.time.Instant occurredAt, String ticketId, int resolutionRound,
        boolean solved, Satisfaction satisfaction, String comment) implements IntakeEvent {
}
