package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The citizen rated how the ticket was handled (回访).
 *
 * @param solved whether the citizen says the problem is solved
 * @param satisfaction how satisfied the citizen is
 * @param via how the answer came: {@code SMS} or {@code CALLBACK}
 */
public record FeedbackReceived(String eventId, Instant occurredAt, String ticketId, boolean solved,
        Satisfaction satisfaction, String via) implements FeedbackEvent {
}
