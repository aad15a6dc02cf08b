package org.hotline12345.intake.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.hotline12345.platform.pii.ContactSealer;
import org.springframework.stereotype.Component;

/**
 * The proof a citizen follows their ticket with: the token in the link of their texts, 96 bits of HMAC-SHA256 of
 * the ticket number under the contact hash key (the first 12 bytes, base64url, 16 characters). Only who holds the key
 * can make one, so it reaches the citizen only through the texts to their number, and nothing about the phone goes
 * into it. Derived rather than stored, so that intake checks it without asking notification, which makes the same
 * token for the link in its texts ({@code notification.verification.FollowLinks}): both hold the hash key, which is
 * never rotated, so a link stays good for the ticket's life. The purpose prefix keeps these values apart from the
 * phone hashes and the one-time codes made with the same key.
 */
@Component
public class FollowTokens {

    static final String PURPOSE = "follow-link:";
    private static final int BYTES = 12;
    private static final Pattern NUMBER = Pattern.compile("12345-\\d{8}-\\d{4,6}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16}");

    private final ContactSealer sealer;

    FollowTokens(ContactSealer sealer) {
        this.sealer = sealer;
    }

    public String tokenFor(String ticketNumber) {
        byte[] mac = HexFormat.of().parseHex(sealer.hash(PURPOSE + ticketNumber).substring(0, 2 * BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /**
     * Whether the pair is a link's: a ticket number and its token. A malformed pair is simply not one, so that no
     * answer tells a well-formed guess from a ticket that exists.
     */
    public boolean proves(String ticketNumber, String token) {
        return ticketNumber != null && token != null && NUMBER.matcher(ticketNumber).matches()
                && TOKEN.matcher(token).matches() && matches(ticketNumber, token);
    }

    /** Whether {@code token} is {@code ticketNumber}'s, compared in constant time. */
    boolean matches(String ticketNumber, String token) {
        return MessageDigest.isEqual(tokenFor(ticketNumber).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
