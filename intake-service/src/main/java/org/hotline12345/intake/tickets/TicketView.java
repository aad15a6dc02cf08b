package org.hotline12345.intake.tickets;

import java.time.Instant;

/**
 * A ticket as operators and supervisors see it: the phone masked, the name not at all; a linked ticket names the
 * ticket it joined ({@code linkedTo}), which is where its work is done.
 */
public record TicketView(String ticketId, String ticketNumber, String status, String channel, String category,
        String urgency, String description, String maskedPhone, String unitId, String unitName, Instant receivedAt,
        Instant updatedAt, LinkedTo linkedTo) {

    static TicketView of(IntakeTicket t, IntakeTicket joined) {
        LinkedTo link = joined == null ? null : new LinkedTo(joined.getId(), joined.getTicketNumber(),
                t.getRepeatOf() != null ? LinkedTo.REPEAT : LinkedTo.SAME_INCIDENT, joined.getStatus());
        return new TicketView(t.getId(), t.getTicketNumber(), t.getStatus(), t.getChannel(), t.getCategory(),
                t.getUrgency(), t.getDescription(), t.getMaskedPhone(), t.getUnitId(), t.getUnitName(),
                t.getReceivedAt(), t.getUpdatedAt(), link);
    }

    /**
     * The ticket a linked one joined.
     *
     * @param why {@code REPEAT} (the same caller about the same open problem) or {@code SAME_INCIDENT} (another
     *     caller about the same problem nearby)
     */
    public record LinkedTo(String ticketId, String ticketNumber, String why, String status) {
        static final String REPEAT = "REPEAT";
        static final String SAME_INCIDENT = "SAME_INCIDENT";
    }
}
