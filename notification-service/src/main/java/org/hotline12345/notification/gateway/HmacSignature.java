package org.hotline12345.notification.gateway;

import java.nio.charset.StandardCharsets;
import org.hotline12345.platform.crypto.Hmac;

/**
 * The SMS provider's signature of webhooks and requests: the hex HMAC-SHA256 of the signed text under the shared
 * secret, optionally prefixed {@code sha256=}.
 */
public final class HmacSignature {

    private static final String PREFIX = "sha256=";

    private HmacSignature() {
    }

    public static String sign(String secret, String content) {
        return Hmac.sha256Hex(secret, content);
    }

    /** Whether {@code signature} signs {@code content}, compared in constant time. */
    public static boolean verify(String secret, String content, String signature) {
        if (secret == null || secret.isEmpty() || signature == null) {
            return false;
        }
        String hex = signature.startsWith(PREFIX) ? signature.substring(PREFIX.length()) : signature;
        return Hmac.matchesHex(secret.getBytes(StandardCharsets.UTF_8), content, hex);
    }
}
