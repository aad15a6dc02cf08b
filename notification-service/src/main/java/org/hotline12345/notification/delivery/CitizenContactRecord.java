package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach the citizen of one ticket, kept from its TicketReceived; the number stays sealed at rest.
 *
 * @param parentIncidentId the ticket this one was merged into as the same incident, whose resolution it shares
 * @param awaitingFeedbackSince when the satisfaction question was texted and not answered yet
 */
@Document("contacts")
public record CitizenContactRecord(@Id String ticketId, String ticketNumber, String sealedPhone,
        String phoneHash, String maskedPhone, String language, boolean contactAllowed, boolean urgent,
        String parentIncidentId, Instant receivedAt, Instant awaitingFeedbackSince) {

    boolean reachable() {
        return contactAllowed && sealedPhone != null;
    }
}
