package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How to reach the citizen of one ticket, kept from its TicketReceived; the number stays sealed at rest. */
@Document("contacts")
record CitizenContactRecord(@Id String ticketId, String ticketNumber, String sealedPhone, String phoneHash,
        String maskedPhone, String language, boolean contactAllowed, Instant receivedAt) {

    boolean reachable() {
        return contactAllowed && sealedPhone != null;
    }
}
