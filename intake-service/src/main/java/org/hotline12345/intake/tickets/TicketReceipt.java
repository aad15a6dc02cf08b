package org.hotline12345.intake.tickets;

import java.time.Instant;

/**
 * What the operator reads out: the ticket number, and the id the API knows the ticket by. {@code repeatOf} names
 * the open ticket a repeat call was linked to, {@code parentIncidentId} the earlier ticket about the same incident.
 */
public record TicketReceipt(String ticketId, String ticketNumber, String status, Instant receivedAt,
        String repeatOf, String parentIncidentId) {
}
