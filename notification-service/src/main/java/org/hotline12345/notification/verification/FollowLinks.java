package org.hotline12345.notification.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.hotline12345.platform.pii.ContactSealer;
import org.springframework.stereotype.Component;

/**
 * The link a citizen follows their ticket by, {@code {base}/t/{ticketNumber}.{token}}, in their texts. The token is
 * 96 bits of HMAC-SHA256 of the ticket number under the contact hash key (the first 12 bytes, base64url): intake
 * checks the look-up with the same key and the same rule ({@code intake.channels.FollowTokens}), so neither asks
 * the other, and nothing about the phone goes into it. It reaches only the texts to the ticket's number, so it also
 * proves that number as the one-time code does, and unlike a code it cannot be spent by guesses.
 */
@Component
public class FollowLinks {

    static final String PURPOSE = "follow-link:";
    private static final int BYTES = 12;

    private final ContactSealer sealer;
    private final String base;

    FollowLinks(ContactSealer sealer, FollowLinkSettings settings) {
        this.sealer = sealer;
        this.base = settings.base().replaceAll("/+$", "");
    }

    public String tokenFor(String ticketNumber) {
        byte[] mac = HexFormat.of().parseHex(sealer.hash(PURPOSE + ticketNumber).substring(0, 2 * BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    public String linkFor(String ticketNumber) {
        return base + "/t/" + ticketNumber + "." + tokenFor(ticketNumber);
    }

    /** Whether {@code token} is {@code ticketNumber}'s, compared in constant time. */
    boolean matches(String ticketNumber, String token) {
        return MessageDigest.isEqual(tokenFor(ticketNumber).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
