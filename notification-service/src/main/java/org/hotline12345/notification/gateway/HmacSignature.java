package org.hotline12345.notification.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hex HMAC-SHA256 signatures, as the SMS provider signs webhooks and expects requests signed. */
public final class HmacSignature {

    private HmacSignature() {
    }

    public static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign", e);
        }
    }

    /** Whether {@code signature} signs {@code content}, compared in constant time. */
    public static boolean verify(String secret, String content, String signature) {
        if (secret == null || secret.isEmpty() || signature == null) {
            return false;
        }
        String given = signature.startsWith("sha256=") ? signature.substring(7) : signature;
        return MessageDigest.isEqual(sign(secret, content).getBytes(StandardCharsets.UTF_8),
                given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
