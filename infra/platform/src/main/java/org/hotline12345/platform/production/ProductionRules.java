package org.hotline12345.platform.production;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * What a service must not start with in production, read from its settings by name. Plain Java, so that each rule is
 * tested on its own: each problem names the environment variable to set and why.
 */
public final class ProductionRules {

    private ProductionRules() {
    }

    /** The problems of the settings {@code setting} gives (a blank or absent setting is {@code null} or empty). */
    public static List<String> problems(Function<String, String> setting) {
        List<String> problems = new ArrayList<>();
        if (blank(setting.apply("hotline.security.issuer"))) {
            problems.add("HOTLINE_SECURITY_ISSUER is not set: a token of any issuer whose signature verifies would "
                    + "be accepted");
        }
        if (blank(setting.apply("spring.security.oauth2.resourceserver.jwt.audiences"))) {
            problems.add("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES is not set: a token the identity "
                    + "provider minted for another application would be accepted");
        }
        if (blank(setting.apply("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                && blank(setting.apply("spring.security.oauth2.resourceserver.jwt.issuer-uri"))) {
            problems.add("neither SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI nor ..._ISSUER_URI is set: "
                    + "tokens would be checked against a local key file, not the city's identity provider");
        }
        String kafka = setting.apply("spring.kafka.bootstrap-servers");
        if (blank(kafka) || onThisMachineOnly(kafka)) {
            problems.add("KAFKA_BOOTSTRAP_SERVERS is " + kafka + ": a broker on this machine, as the dev stack's "
                    + "in-JVM one, not a cluster");
        }
        String replicas = setting.apply("hotline.kafka.replicas");
        if (replicas == null || Integer.parseInt(replicas.strip()) < 3) {
            problems.add("HOTLINE_KAFKA_REPLICAS is " + (replicas == null ? "1" : replicas.strip()) + ": the hub "
                    + "topics this service creates would have fewer than 3 copies");
        }
        String mongo = setting.apply("spring.mongodb.uri");
        if (blank(mongo) || onThisMachineOnly(hosts(mongo)) || !mongo.contains("replicaSet=")) {
            problems.add("MONGODB_URI is not a replica set on other machines (" + withoutPassword(mongo) + "): the "
                    + "dev stack's in-JVM database, or a single server");
        }
        for (String key : List.of("seal-key", "hash-key")) {
            String value = setting.apply("hotline.pii." + key);
            if (value != null && !randomBytes(value)) {
                problems.add("HOTLINE_PII_" + key.replace("-key", "").toUpperCase() + "_KEY is "
                        + (value.isBlank() ? "not set" : "not 32 random bytes in base64 (openssl rand -base64 32)"));
            }
        }
        if ("dev-outbox".equals(setting.apply("hotline.notification.gateway"))) {
            problems.add("HOTLINE_SMS_GATEWAY is dev-outbox: texts would be stored in MongoDB and never sent");
        }
        String webhookSecret = setting.apply("hotline.notification.webhook-secret");
        if (webhookSecret != null && webhookSecret.length() < 16) {
            problems.add("HOTLINE_SMS_WEBHOOK_SECRET is " + (webhookSecret.isBlank() ? "not set" : "too short")
                    + ": the provider's replies and receipts could not be told from a stranger's");
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Whether every host of {@code hostsAndPorts} (comma-separated) is a loopback name or address. */
    static boolean onThisMachineOnly(String hostsAndPorts) {
        return java.util.Arrays.stream(hostsAndPorts.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .allMatch(h -> h.startsWith("127.") || h.startsWith("localhost") || h.startsWith("[::1]")
                        || h.startsWith("::1"));
    }

    private static String hosts(String mongoUri) {
        String rest = mongoUri.replaceFirst("^mongodb(\\+srv)?://", "");
        rest = rest.contains("@") ? rest.substring(rest.lastIndexOf('@') + 1) : rest;
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static String withoutPassword(String mongoUri) {
        return mongoUri == null ? null : mongoUri.replaceAll("://([^:/@]+):[^@]*@", "://$1:…@");
    }

    /** 32 bytes in base64 that are not all printable text, as a chosen phrase would be. */
    private static boolean randomBytes(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            String asText = new String(bytes, StandardCharsets.ISO_8859_1);
            return bytes.length == 32 && !asText.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
