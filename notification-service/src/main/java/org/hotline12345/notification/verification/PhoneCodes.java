package org.hotline12345.notification.verification;

import org.hotline12345.platform.pii.ContactSealer;
import org.springframework.stereotype.Component;

/**
 * The one-time codes of a ticket: six digits derived from its id and the code's round (0 for the receipt's, one more
 * for each code sent again) with the service's secret hash key. Derived rather than drawn and stored, so a text made
 * again after a crash carries the same code as the first, and the database alone cannot give a code away.
 */
@Component
public class PhoneCodes {

    private final ContactSealer sealer;

    PhoneCodes(ContactSealer sealer) {
        this.sealer = sealer;
    }

    /** The code of the receipt. */
    public String codeFor(String ticketId) {
        return codeFor(ticketId, 0);
    }

    public String codeFor(String ticketId, int round) {
        String purpose = round == 0 ? "phone-code:" + ticketId : "phone-code:" + ticketId + ":" + round;
        long bits = Long.parseUnsignedLong(sealer.hash(purpose).substring(0, 15), 16);
        return String.format("%06d", bits % 1_000_000);
    }
}
