package org.hotline12345.intake.tickets;

import java.time.Instant;

/** A ticket as operators and supervisors see it: the phone masked, the name not at all. */
public record TicketView(String ticketId, String ticketNumber, String status, String channel, String category,
        String urgency, String description, String maskedPhone, String unitId, String unitName, Instant receivedAt,
        Instant updatedAt) {

    static TicketView of(IntakeTicket t) {
        return new TicketView(t.getId(), t.getTicketNumber(), t.getStatus(), t.getChannel(), t.getCategory(),
                t.getUrgency(), t.getDescription(), t.getMaskedPhone(), t.getUnitId(), t.getUnitName(),
                t.getReceivedAt(), t.getUpdatedAt());
    }
}
