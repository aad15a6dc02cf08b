package org.hotline12345.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The keys of the city's Open311 clients. A key is checked in constant time: the digests of the key given and of
 * every key held are compared whole, each of them, so that how long an answer takes says nothing of how much of a
 * key was right, nor of how long the keys are.
 */
@Component
class ApiKeys {

    private final List<byte[]> digests;

    ApiKeys(Open311Settings settings) {
        this.digests = settings.apiKeys().stream().filter(key -> key != null && !key.isBlank())
                .map(ApiKeys::digest).toList();
    }

    /** Whether the key is one of the city's; a missing or blank key is none. */
    boolean valid(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        byte[] given = digest(key);
        boolean match = false;
        for (byte[] held : digests) {
            // no early exit: every held key is compared, whichever matches
            match |= MessageDigest.isEqual(held, given);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
