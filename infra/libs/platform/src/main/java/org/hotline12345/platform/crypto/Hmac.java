package org.hotline12345.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) of a text in UTF-8 under a key, as raw bytes, lower-case hex or base64, and
 * the check of a received signature. The check compares in constant time, so that how long a refusal takes does
 * not tell a forger how many leading bytes of a guess were right.
 */
public final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // every Java runtime ships HmacSHA256; only an empty key gets here
            throw new IllegalArgumentException("could not compute an HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    public static byte[] sha256(byte[] key, String message) {
        return sha256(key, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The HMAC of {@code message} under {@code key} (both UTF-8), in lower-case hex. */
    public static String sha256Hex(String key, String message) {
        return sha256Hex(key.getBytes(StandardCharsets.UTF_8), message);
    }

    public static String sha256Hex(byte[] key, String message) {
        return HexFormat.of().formatHex(sha256(key, message));
    }

    public static String sha256Base64(byte[] key, String message) {
        return Base64.getEncoder().encodeToString(sha256(key, message));
    }

    /**
     * Whether {@code hex} (either case) is the HMAC of {@code message} under {@code key}, compared in constant
     * time; false for anything that is not hex.
     */
    public static boolean matchesHex(byte[] key, String message, String hex) {
        if (key == null || key.length == 0 || message == null || hex == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key, message), given);
    }
}
