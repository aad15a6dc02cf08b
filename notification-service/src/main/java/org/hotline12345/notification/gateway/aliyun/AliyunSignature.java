package org.hotline12345.notification.gateway.aliyun;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hotline12345.platform.crypto.Hmac;

/**
 * Alibaba Cloud's V3 request signature ({@code ACS3-HMAC-SHA256}), as its API reference "V3 request syntax and
 * signature method" specifies: a canonical request of the method, the path, the sorted and RFC 3986 encoded query,
 * the signed headers ({@code host}, {@code content-type} and every {@code x-acs-} header, lower-cased and sorted) and
 * the body's SHA-256; its SHA-256 signed with HMAC-SHA256 under the AccessKey secret.
 */
public final class AliyunSignature {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    /** The SHA-256 of an empty body: the SMS API takes its parameters in the query. */
    public static final String EMPTY_BODY_SHA256 = sha256Hex("");

    private AliyunSignature() {
    }

    /** The {@code Authorization} header's value for a request with these parts. */
    public static String authorization(String accessKeyId, String accessKeySecret, String method, String path,
            Map<String, String> query, Map<String, String> headers, String bodySha256) {
        SortedMap<String, String> signed = signedHeaders(headers);
        String names = String.join(";", signed.keySet());
        String signature = Hmac.sha256Hex(accessKeySecret, stringToSign(method, path, query, signed, bodySha256));
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + names + ",Signature=" + signature;
    }

    static String stringToSign(String method, String path, Map<String, String> query,
            SortedMap<String, String> signedHeaders, String bodySha256) {
        String canonicalHeaders = signedHeaders.entrySet().stream()
                .map(h -> h.getKey() + ":" + h.getValue() + "\n").collect(Collectors.joining());
        String canonicalRequest = method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n"
                + canonicalQuery(query) + "\n" + canonicalHeaders + "\n"
                + String.join(";", signedHeaders.keySet()) + "\n" + bodySha256;
        return ALGORITHM + "\n" + sha256Hex(canonicalRequest);
    }

    /** The query as it is signed and sent: names sorted, names and values percent-encoded (RFC 3986). */
    public static String canonicalQuery(Map<String, String> query) {
        return new TreeMap<>(query).entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue() == null ? "" : p.getValue()))
                .collect(Collectors.joining("&"));
    }

    static SortedMap<String, String> signedHeaders(Map<String, String> headers) {
        SortedMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("x-acs-") || lower.equals("host") || lower.equals("content-type")) {
                signed.put(lower, value.trim());
            }
        });
        return signed;
    }

    /** RFC 3986 percent-encoding: space is {@code %20}, {@code *} is {@code %2A}, {@code ~} stays. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
