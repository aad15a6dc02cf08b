package org.hotline12345.contracts;

/**
 * How to reach the citizen without carrying their number in the clear: the number sealed with the hub's
 * contact key (AES-GCM, base64), a keyed hash to find the citizen's other tickets, and the masked form for
 * display. All fields but {@code language} are {@code null} for an anonymous caller.
 *
 * @param sealedPhone the E.164 number sealed with the contact key
 * @param phoneHash HMAC-SHA256 of the E.164 number, hex
 * @param maskedPhone the number as shown to people who do not need it, e.g. {@code 138****5678}
 * @param sealedName the caller's name sealed with the contact key
 * @param language the citizen's language for texts, {@code zh} or {@code en}
 * @param contactAllowed whether the citizen agreed to be contacted
 */
public record CitizenContact(String sealedPhone, String phoneHash, String maskedPhone, String sealedName,
        String language, boolean contactAllowed) {
}
