package org.hotline12345.intake.channels;

import java.time.Instant;
import org.hotline12345.intake.tickets.TicketReceipt;

/**
 * What the public form answers: the number to quote and when it was registered, the same for every complaint.
 * Whether it was linked to someone's open ticket or to an incident, and the ticket's internal id, stay with the
 * staff: anyone can post with anyone's phone number.
 *
 * @param lookUp where the citizen follows the ticket, with the token from the link in the receipt text to their
 *     number (never in this answer: whoever posts may have given someone else's number)
 */
public record PublicReceipt(String ticketNumber, Instant receivedAt, String lookUp) {

    static PublicReceipt of(TicketReceipt receipt) {
        return new PublicReceipt(receipt.ticketNumber(), receipt.receivedAt(),
                "/api/v1/public/tickets/lookup");
    }
}
