package org.hotline12345.platform.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals phone numbers and names with AES-256-GCM (a fresh 96-bit nonce per value, prepended), hashes phone
 * numbers with HMAC-SHA256 so a citizen's tickets can be found without storing the number, and masks them for
 * display.
 */
public final class ContactSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public ContactSealer(byte[] sealKey, byte[] hashKey) {
        if (sealKey.length != 32) {
            throw new IllegalArgumentException("the seal key must be 256 bits, base64-encoded");
        }
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("the hash key must be at least 256 bits, base64-encoded");
        }
        this.sealKey = new SecretKeySpec(sealKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
    }

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a value", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("could not open a sealed value: wrong key or damaged data", e);
        }
    }

    /** Hex HMAC-SHA256 of the E.164 number. */
    public String hash(String e164) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not hash a value", e);
        }
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
