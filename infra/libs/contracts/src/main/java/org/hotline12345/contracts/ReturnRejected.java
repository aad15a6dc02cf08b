package org.hotline12345.contracts;

import java.time.Instant;

/**
 * The centre rejected a unit's return (退单审核): the ticket stays {@code unitId}'s, with the deadlines it had before
 * the return. {@code reason} is the supervisor's, {@code decidedBy} the supervisor.
 */
public record ReturnRejected(String eventId, Instant occurredAt, String ticketId, String unitId, String reason,
        String decidedBy) implements TicketLifecycleEvent {
}
