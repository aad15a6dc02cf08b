package org.hotline12345.contracts;

/**
 * A citizen rated how their call was taken (受理), on their follow page (intake): the operator who took the call, or
 * the web form that took the report, rated apart from how the ticket was handled (一次一评, 一事一评). Once per ticket,
 * from when it was received; it answers no resolution, so it is never feedback: no ticket is closed or reopened by
 * it, and analytics counts it apart from the satisfaction rate.
 *
 * @param comment what the citizen wrote beside the rating, if anything
 */
public record CallRated(String eventId, java.time.Instant occurredAt, String ticketId, Satisfaction satisfaction,
        String comment) implements IntakeEvent {
}
