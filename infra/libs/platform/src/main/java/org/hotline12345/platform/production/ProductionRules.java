package org.hotline12345.platform.production;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service must not start with in production, read from its settings by name. Plain Java, so that each rule is
 * tested on its own: each problem names the environment variable to set and why, and never prints a secret.
 */
public final class ProductionRules {

    /** What the deployment folder's example files hold where a city puts a value of its own. */
    static final String PLACEHOLDER = "REPLACE-ME";

    /** Where a Kafka client of a service may be told its security protocol, each overriding the one before. */
    static final List<String> KAFKA_PROTOCOL_SETTINGS = List.of(
            "spring.kafka.security.protocol",
            "spring.kafka.properties.security.protocol",
            "spring.kafka.producer.security.protocol",
            "spring.kafka.producer.properties.security.protocol",
            "spring.kafka.consumer.security.protocol",
            "spring.kafka.consumer.properties.security.protocol",
            "spring.kafka.admin.security.protocol",
            "spring.kafka.admin.properties.security.protocol",
            "spring.cloud.stream.kafka.binder.configuration.security.protocol",
            "spring.cloud.stream.kafka.binder.producer-properties.security.protocol",
            "spring.cloud.stream.kafka.binder.consumer-properties.security.protocol");

    /** Where a Kafka client of a service may be given its SASL login, with the password in it. */
    static final List<String> KAFKA_LOGIN_SETTINGS = List.of(
            "spring.kafka.properties.sasl.jaas.config",
            "spring.kafka.producer.properties.sasl.jaas.config",
            "spring.kafka.consumer.properties.sasl.jaas.config",
            "spring.kafka.admin.properties.sasl.jaas.config",
            "spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config");

    private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}");

    private ProductionRules() {
    }

    /** The problems of the settings {@code setting} gives (a blank or absent setting is {@code null} or empty). */
    public static List<String> problems(Function<String, String> setting) {
        return problems(setting, Map.of());
    }

    /**
     * The problems of the settings {@code setting} gives, and of every setting in {@code given} (name to value, as
     * written in the environment, the command line or a configuration file) that still holds a placeholder of the
     * example files.
     */
    public static List<String> problems(Function<String, String> setting, Map<String, String> given) {
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
        if (replicas == null || !replicas.strip().matches("\\d{1,4}") || Integer.parseInt(replicas.strip()) < 3) {
            problems.add("HOTLINE_KAFKA_REPLICAS is " + (replicas == null ? "1" : replicas.strip()) + ": the hub "
                    + "topics this service creates would have fewer than 3 copies");
        }
        kafkaProtocol(setting, problems);
        kafkaPasswords(setting, problems);
        String mongo = setting.apply("spring.mongodb.uri");
        if (blank(mongo) || onThisMachineOnly(hosts(mongo)) || !mongo.contains("replicaSet=")) {
            problems.add("MONGODB_URI is not a replica set on other machines (" + withoutPassword(mongo) + "): the "
                    + "dev stack's in-JVM database, or a single server");
        }
        if (!blank(mongo)) {
            mongoTlsAndPassword(mongo, setting, problems);
        }
        for (String key : List.of("seal-key", "hash-key")) {
            String value = setting.apply("hotline.pii." + key);
            if (value != null && !randomKey(value)) {
                problems.add("HOTLINE_PII_" + key.replace("-key", "").toUpperCase(Locale.ROOT) + "_KEY is "
                        + (value.isBlank() ? "not set" : notRandom(value, "openssl rand -base64 32")));
            }
        }
        String previousSealKeys = setting.apply("hotline.pii.previous-seal-keys");
        if (!blank(previousSealKeys) && !each(previousSealKeys, ProductionRules::randomKey)) {
            problems.add("HOTLINE_PII_PREVIOUS_SEAL_KEYS holds a key that is "
                    + notRandom(previousSealKeys, "openssl rand -base64 32") + ": only keys that once sealed "
                    + "contact data belong there");
        }
        if ("dev-outbox".equals(setting.apply("hotline.notification.gateway"))) {
            problems.add("HOTLINE_SMS_GATEWAY is dev-outbox: texts would be stored in MongoDB and never sent");
        }
        String webhookSecret = setting.apply("hotline.notification.webhook-secret");
        if (webhookSecret != null && !randomSecret(webhookSecret)) {
            problems.add("HOTLINE_SMS_WEBHOOK_SECRET is " + (webhookSecret.isBlank() ? "not set"
                    : notRandom(webhookSecret, "openssl rand -hex 32")) + ": whoever guesses it signs the "
                    + "provider's replies and receipts, rates tickets and opts numbers out of texts");
        }
        // Alibaba Cloud's pushes are the only ones that carry it: another gateway may leave it empty
        String pushSecret = setting.apply("hotline.notification.aliyun.push-secret");
        boolean pushes = "aliyun".equals(setting.apply("hotline.notification.gateway"));
        if (pushSecret != null && (pushes || !pushSecret.isBlank()) && !randomSecret(pushSecret)) {
            problems.add("HOTLINE_SMS_PUSH_SECRET is " + (pushSecret.isBlank() ? "not set"
                    : notRandom(pushSecret, "openssl rand -hex 32")) + ": whoever guesses it sends Alibaba Cloud's "
                    + "pushes of replies and receipts");
        } else if (pushSecret != null && !pushSecret.isBlank() && pushSecret.strip().equals(webhookSecret == null ? null
                : webhookSecret.strip())) {
            problems.add("HOTLINE_SMS_PUSH_SECRET is HOTLINE_SMS_WEBHOOK_SECRET: the push secret travels in the "
                    + "push addresses, so it must not also be the key the webhooks are signed with");
        }
        String open311Keys = setting.apply("hotline.intake.open311.api-keys");
        if (!blank(open311Keys) && !each(open311Keys, ProductionRules::randomSecret)) {
            problems.add("HOTLINE_OPEN311_API_KEYS holds a key that is "
                    + notRandom(open311Keys, "openssl rand -hex 32 for each client") + ": whoever guesses it "
                    + "files tickets as an Open311 client");
        }
        placeholders(given, problems);
        return problems;
    }

    /** Every Kafka client on SASL_SSL: the services' events carry citizens' words and addresses. */
    private static void kafkaProtocol(Function<String, String> setting, List<String> problems) {
        boolean set = false;
        for (String name : KAFKA_PROTOCOL_SETTINGS) {
            String protocol = setting.apply(name);
            if (blank(protocol)) {
                continue;
            }
            set = true;
            if (!"SASL_SSL".equalsIgnoreCase(protocol.strip())) {
                problems.add(environmentName(name) + " is " + protocol.strip() + ", not SASL_SSL: events would "
                        + "cross the network in clear, or reach a broker that asks nobody to sign in");
            }
        }
        if (!set) {
            problems.add("SPRING_KAFKA_SECURITY_PROTOCOL is not set (PLAINTEXT): set SASL_SSL, so that the service "
                    + "signs in as its own user over TLS");
        }
    }

    private static void kafkaPasswords(Function<String, String> setting, List<String> problems) {
        for (String name : KAFKA_LOGIN_SETTINGS) {
            String login = setting.apply(name);
            if (blank(login)) {
                continue;
            }
            Matcher password = JAAS_PASSWORD.matcher(login);
            if (password.find() && !randomSecret(password.group(1))) {
                problems.add(environmentName(name) + " has a password that is "
                        + notRandom(password.group(1), "openssl rand -hex 32") + ": whoever guesses it publishes "
                        + "as this service");
            }
        }
    }

    private static void mongoTlsAndPassword(String mongo, Function<String, String> setting, List<String> problems) {
        String query = mongo.contains("?") ? mongo.substring(mongo.indexOf('?') + 1).toLowerCase(Locale.ROOT) : "";
        Set<String> options = new LinkedHashSet<>(Arrays.asList(query.split("&")));
        boolean tlsOff = options.contains("tls=false") || options.contains("ssl=false");
        boolean tlsOn = options.contains("tls=true") || options.contains("ssl=true")
                || mongo.startsWith("mongodb+srv://")
                || "true".equalsIgnoreCase(String.valueOf(setting.apply("spring.mongodb.ssl.enabled")).strip());
        if (tlsOff || !tlsOn) {
            problems.add("MONGODB_URI does not use TLS (add tls=true): tickets, sealed contacts and the "
                    + "service's password would cross the network in clear");
        }
        String userInfo = userInfo(mongo);
        if (userInfo != null && userInfo.contains(":")) {
            String password = URLDecoder.decode(userInfo.substring(userInfo.indexOf(':') + 1),
                    StandardCharsets.UTF_8);
            if (!randomSecret(password)) {
                problems.add("MONGODB_URI has a password that is " + notRandom(password, "openssl rand -hex 32")
                        + ": whoever guesses it reads and writes this service's database");
            }
        }
    }

    /** Settings still holding a placeholder, named as given, unless a rule above named them already. */
    private static void placeholders(Map<String, String> given, List<String> problems) {
        Set<String> named = new LinkedHashSet<>();
        given.forEach((name, value) -> {
            if (value != null && placeholder(value)) {
                named.add(name);
            }
        });
        for (String name : named) {
            boolean reported = problems.stream().anyMatch(p -> p.startsWith(name + " "));
            if (!reported) {
                problems.add(name + " holds " + PLACEHOLDER + ": a placeholder of the example files, not a value of "
                        + "this city's");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean placeholder(String value) {
        return value.toUpperCase(Locale.ROOT).contains(PLACEHOLDER);
    }

    /** Why {@code value} is refused as a secret, without printing it, and how to make one. */
    private static String notRandom(String value, String command) {
        return (placeholder(value) ? "a placeholder (" + PLACEHOLDER + ")" : "not 32 random bytes") + " ("
                + command + ")";
    }

    private static boolean each(String commaSeparated, java.util.function.Predicate<String> good) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(v -> !v.isEmpty()).allMatch(good);
    }

    /** The environment variable Spring reads {@code name} from: upper case, dots and dashes as underscores. */
    static String environmentName(String name) {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    }

    /** Whether every host of {@code hostsAndPorts} (comma-separated) is a loopback name or address. */
    static boolean onThisMachineOnly(String hostsAndPorts) {
        return Arrays.stream(hostsAndPorts.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .allMatch(h -> h.startsWith("127.") || h.startsWith("localhost") || h.startsWith("[::1]")
                        || h.startsWith("::1"));
    }

    private static String userInfo(String mongoUri) {
        String rest = mongoUri.replaceFirst("^mongodb(\\+srv)?://", "");
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        return authority.contains("@") ? authority.substring(0, authority.lastIndexOf('@')) : null;
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

    /** A contact key: exactly 32 bytes in base64 that are not all printable text, as a chosen phrase would be. */
    private static boolean randomKey(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            return bytes.length == 32 && !printable(bytes);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /**
     * A secret, password or API key of at least 32 random bytes, as {@code openssl rand} writes them: 64 hex digits
     * or more, or base64 (standard or URL-safe) of 32 bytes or more. A phrase, a repeated character or a placeholder
     * is neither, whatever its length.
     */
    static boolean randomSecret(String value) {
        String secret = value.strip();
        if (placeholder(secret)) {
            return false;
        }
        if (HEX.matcher(secret).matches()) {
            return secret.length() >= 64 && distinct(secret) >= 8;
        }
        byte[] bytes = BASE64.matcher(secret).matches() ? base64Bytes(secret) : null;
        return bytes != null && bytes.length >= 32 && !printable(bytes) && distinct(secret) >= 16;
    }

    private static byte[] base64Bytes(String value) {
        String padded = value.replace('-', '+').replace('_', '/');
        padded = padded + "=".repeat((4 - padded.length() % 4) % 4);
        try {
            return Base64.getDecoder().decode(padded);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean printable(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static long distinct(String value) {
        return value.chars().distinct().count();
    }
}
