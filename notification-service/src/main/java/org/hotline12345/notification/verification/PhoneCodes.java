package org.hotline12345.notification.verification;

import org.hotline12345.platform.pii.ContactSealer;
import org.springframework.stereotype.Component;

/**
 * The one-time code of a ticket: six digits derived from its id with the service's secret hash key. Derived rather
 * than drawn and stored, so a receipt made again after a crash carries the same code as the first, and the database
 * alone cannot give a code away.
 */
@Component
public class PhoneCodes {

    private final ContactSealer sealer;

    PhoneCodes(ContactSealer sealer) {
        this.sealer = sealer;
    }

    public String codeFor(String ticketId) {
        long bits = Long.parseUnsignedLong(sealer.hash("phone-code:" + ticketId).substring(0, 15), 16);
        return String.format("%06d", bits % 1_000_000);
    }
}
