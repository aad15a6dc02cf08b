package org.hotline12345.platform.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hotline12345.platform.crypto.Hmac;

/**
 * Seals phone numbers and names with AES-256-GCM (a fresh 96-bit nonce per value, prepended), hashes phone
 * numbers with HMAC-SHA256 so a citizen's tickets can be found without storing the number, and masks them for
 * display. Sealing uses the current key; opening also tries the previous ones, so that the seal key can be rotated
 * without losing what was sealed before (GCM's tag tells a wrong key from the right one).
 *
 * <p>A sealed value is bound to its ticket and field: the ticket's id and the field's name are the cipher's
 * associated data, so a value copied into another ticket's document, or a name moved into the phone field, does not
 * open (whoever can write one document cannot have another citizen texted or revealed through it). Such values are
 * written {@code 2.<base64>}; a value without that prefix was sealed by an earlier release, unbound, and still opens.
 */
public final class ContactSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealKey;
    private final List<SecretKeySpec> previousSealKeys;
    private final byte[] hashKey;
    private final SecureRandom random = new SecureRandom();

    public ContactSealer(byte[] sealKey, byte[] hashKey) {
        this(sealKey, List.of(), hashKey);
    }

    /** A sealer that seals with {@code sealKey} and opens with it or any of {@code previousSealKeys}. */
    public ContactSealer(byte[] sealKey, List<byte[]> previousSealKeys, byte[] hashKey) {
        if (sealKey.length != 32 || previousSealKeys.stream().anyMatch(key -> key.length != 32)) {
            throw new IllegalArgumentException("a seal key must be 256 bits, base64-encoded");
        }
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("the hash key must be at least 256 bits, base64-encoded");
        }
        this.sealKey = new SecretKeySpec(sealKey, "AES");
        this.previousSealKeys = previousSealKeys.stream().map(key -> new SecretKeySpec(key, "AES")).toList();
        this.hashKey = hashKey.clone();
    }

    /** What a sealed value is, which binds it as much as the ticket it belongs to. */
    public enum Field {
        PHONE, NAME
    }

    /** The prefix of a value bound to its ticket and field. */
    static final String BOUND = "2.";

    /** Seals {@code plain} as {@code field} of ticket {@code ticketId}; it opens only for that ticket and field. */
    public String seal(String plain, String ticketId, Field field) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo(ticketId, field));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return BOUND + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a value", e);
        }
    }

    /** Opens {@code sealed}, a value sealed as {@code field} of ticket {@code ticketId}; fails for any other. */
    public String open(String sealed, String ticketId, Field field) {
        if (sealed == null) {
            return null;
        }
        boolean bound = sealed.startsWith(BOUND);
        GeneralSecurityException last = null;
        try {
            byte[] all = Base64.getDecoder().decode(bound ? sealed.substring(BOUND.length()) : sealed);
            for (SecretKeySpec key : keysToOpenWith()) {
                try {
                    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
                    if (bound) {
                        cipher.updateAAD(boundTo(ticketId, field));
                    }
                    return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES),
                            StandardCharsets.UTF_8);
                } catch (GeneralSecurityException wrongKeyOrPlace) {
                    last = wrongKeyOrPlace;
                }
            }
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("could not open a sealed value: damaged data", notBase64);
        }
        throw new IllegalStateException("could not open a sealed value: wrong key, another ticket's or field's "
                + "value, or damaged data", last);
    }

    private static byte[] boundTo(String ticketId, Field field) {
        return ("ticket:" + ticketId + "|" + field.name()).getBytes(StandardCharsets.UTF_8);
    }

    private List<SecretKeySpec> keysToOpenWith() {
        List<SecretKeySpec> keys = new ArrayList<>(previousSealKeys.size() + 1);
        keys.add(sealKey);
        keys.addAll(previousSealKeys);
        return keys;
    }

    /** Hex HMAC-SHA256 of the E.164 number. */
    public String hash(String e164) {
        return Hmac.sha256Hex(hashKey, e164);
    }

    /** {@code +8613812345678} → {@code 138****5678}: the national number with the four digits before the last four hidden. */
    public static String mask(String e164) {
        String national = e164.startsWith("+86") ? e164.substring(3) : e164.replaceFirst("^\\+", "");
        if (national.length() < 8) {
            return "*".repeat(national.length());
        }
        return national.substring(0, national.length() - 8) + "****" + national.substring(national.length() - 4);
    }
}
