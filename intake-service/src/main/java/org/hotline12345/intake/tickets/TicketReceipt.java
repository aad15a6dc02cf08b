package org.hotline12345.intake.tickets;

import java.time.Instant;

/** What the operator reads out: the ticket number, and the id the API knows the ticket by. */
public record TicketReceipt(String ticketId, String ticketNumber, String status, Instant receivedAt) {
}
