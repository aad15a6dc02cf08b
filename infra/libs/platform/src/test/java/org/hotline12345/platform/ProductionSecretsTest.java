package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.platform.production.ProductionRules;
import org.junit.jupiter.api.Test;

/**
 * Production mode against the deployment folder's example values (compose/.env.example and the Kubernetes example
 * overlay's secrets/*.env): every placeholder and every secret a stranger could guess stops the service, named by
 * the variable it came from, and the broker and the database must be reached over TLS.
 */
class ProductionSecretsTest {

    /** What compose/.env.example hands notification and intake, by environment variable. */
    static Map<String, String> exampleEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOTLINE_PII_SEAL_KEY", "REPLACE-ME-openssl-rand-base64-32");
        env.put("HOTLINE_PII_HASH_KEY", "REPLACE-ME-openssl-rand-base64-32");
        env.put("HOTLINE_SMS_WEBHOOK_SECRET", "REPLACE-ME-webhook-secret");
        env.put("HOTLINE_SMS_PUSH_SECRET", "REPLACE-ME-push-secret");
        env.put("HOTLINE_SMS_API_KEY", "REPLACE-ME-provider-api-key");
        env.put("HOTLINE_SMS_SECRET", "REPLACE-ME-provider-secret");
        env.put("HOTLINE_OPEN311_API_KEYS", "REPLACE-ME-open311-key-1,REPLACE-ME-open311-key-2");
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"hub-notification\" password=\"REPLACE-ME-kafka-notification-password\";");
        env.put("MONGODB_URI", "mongodb://hub-notification:REPLACE-ME-mongo-notification-password@mongo-1:27017,"
                + "mongo-2:27017,mongo-3:27017/notification?replicaSet=rs0&authSource=admin");
        return env;
    }

    /** The settings the services read those variables into (their application.yml and Spring's relaxed names). */
    static Map<String, String> settingsOf(Map<String, String> env) {
        Map<String, String> settings = ProductionModeTest.production();
        settings.put("hotline.pii.seal-key", env.get("HOTLINE_PII_SEAL_KEY"));
        settings.put("hotline.pii.hash-key", env.get("HOTLINE_PII_HASH_KEY"));
        settings.put("hotline.notification.webhook-secret", env.get("HOTLINE_SMS_WEBHOOK_SECRET"));
        settings.put("hotline.notification.aliyun.push-secret", env.get("HOTLINE_SMS_PUSH_SECRET"));
        settings.put("hotline.notification.http.api-key", env.get("HOTLINE_SMS_API_KEY"));
        settings.put("hotline.notification.http.secret", env.get("HOTLINE_SMS_SECRET"));
        settings.put("hotline.intake.open311.api-keys", env.get("HOTLINE_OPEN311_API_KEYS"));
        settings.put("spring.kafka.security.protocol", env.get("SPRING_KAFKA_SECURITY_PROTOCOL"));
        settings.put("spring.kafka.properties.sasl.jaas.config", env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
        settings.put("spring.mongodb.uri", env.get("MONGODB_URI"));
        return settings;
    }

    @Test
    void refusesEveryExampleValueNamingItsVariable() {
        Map<String, String> env = exampleEnvironment();

        List<String> problems = ProductionRules.problems(settingsOf(env)::get, env);

        assertThat(problems).hasSize(11);
        for (String variable : List.of("HOTLINE_PII_SEAL_KEY is a placeholder", "HOTLINE_PII_HASH_KEY is a "
                + "placeholder", "HOTLINE_SMS_WEBHOOK_SECRET is a placeholder", "HOTLINE_SMS_PUSH_SECRET is a "
                + "placeholder", "HOTLINE_SMS_API_KEY holds REPLACE-ME", "HOTLINE_SMS_SECRET holds REPLACE-ME",
                "HOTLINE_OPEN311_API_KEYS holds a key that is a placeholder", "SPRING_KAFKA_SECURITY_PROTOCOL is "
                + "SASL_PLAINTEXT, not SASL_SSL", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG has a password that is a "
                + "placeholder", "MONGODB_URI does not use TLS", "MONGODB_URI has a password that is a placeholder")) {
            assertThat(problems).as(variable).anySatisfy(p -> assertThat(p).startsWith(variable));
        }
        // a problem names the variable and why, never the value
        assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("REPLACE-ME-"));
    }

    @Test
    void refusesThePlaceholderInAnyCaseAndInAnySetting() {
        Map<String, String> given = Map.of("HOTLINE_SMS_BASE_URL", "https://replace-me.example.invalid",
                "KEYCLOAK_URL", "https://id.example.gov.cn");

        assertThat(ProductionRules.problems(ProductionModeTest.production()::get, given)).singleElement().asString()
                .startsWith("HOTLINE_SMS_BASE_URL holds REPLACE-ME");
    }

    @Test
    void refusesSecretsShorterThan32RandomBytesThoughLongerThanTheOldMinimum() {
        for (String weak : List.of(
                // a phrase of 33 characters: passed the 16-character rule
                "a-long-random-webhook-secret-0123",
                // openssl rand -hex 16 and -hex 24, the example files' former advice for keys and passwords
                "0f3c6a1e9b2d4c8a7e5f1b3d9c2a4e6f",
                "5ef383860eda569a939e0f571b65081e8e6b89042d23bbb3",
                // 64 characters, but one repeated
                "0".repeat(64),
                // base64 of a phrase
                "dGhpcyBpcyBhIHNlY3JldCBwaHJhc2Ugb2YgMzIgYnl0ZXMhISE=")) {
            Map<String, String> settings = ProductionModeTest.production();
            settings.put("hotline.notification.webhook-secret", weak);
            settings.put("hotline.intake.open311.api-keys", "181d0f9616072751412f1d752f89ded0c84242485556788b010cf1f5"
                    + "83b22475," + weak);

            assertThat(ProductionRules.problems(settings::get)).as(weak).hasSize(2)
                    .anySatisfy(p -> assertThat(p).startsWith("HOTLINE_SMS_WEBHOOK_SECRET is not 32 random bytes "
                            + "(openssl rand -hex 32)"))
                    .anySatisfy(p -> assertThat(p).startsWith("HOTLINE_OPEN311_API_KEYS holds a key that is not 32 "
                            + "random bytes"))
                    .allSatisfy(p -> assertThat(p).doesNotContain(weak));
        }
    }

    @Test
    void acceptsWhatOpensslRandWritesForSecretsKeysAndPasswords() {
        Map<String, String> settings = ProductionModeTest.production();
        settings.put("hotline.notification.webhook-secret", "4S70g1bePEmNOrSlHRtBoQ8BC0LMQtNeFNGHz7IUSwo=");
        settings.put("hotline.notification.aliyun.push-secret",
                "5ef383860eda569a939e0f571b65081e8e6b89042d23bbb37eafc32d6d8d22c3");
        settings.put("hotline.intake.open311.api-keys", "181d0f9616072751412f1d752f89ded0c84242485556788b010cf1f583b22"
                + "475, JYATZS0iEsTIDY60yVa_zpe7Id8Qv-uOqiOJ4BAwX-Q");
        settings.put("hotline.pii.previous-seal-keys", "1a3iO/FPTDDrCGOPewknYlQH3XDq6588q0g6PXUP+mk=");

        assertThat(ProductionRules.problems(settings::get)).isEmpty();
    }

    @Test
    void refusesAPushSecretThatIsAlsoTheWebhookKey() {
        Map<String, String> settings = ProductionModeTest.production();
        settings.put("hotline.notification.aliyun.push-secret", settings.get("hotline.notification.webhook-secret"));

        assertThat(ProductionRules.problems(settings::get)).singleElement().asString()
                .startsWith("HOTLINE_SMS_PUSH_SECRET is HOTLINE_SMS_WEBHOOK_SECRET");
    }

    @Test
    void asksForThePushSecretWhenAlibabaCloudPushes() {
        Map<String, String> http = ProductionModeTest.production();
        http.put("hotline.notification.aliyun.push-secret", "");
        Map<String, String> aliyun = new HashMap<>(http);
        aliyun.put("hotline.notification.gateway", "aliyun");

        assertThat(ProductionRules.problems(http::get)).isEmpty();
        assertThat(ProductionRules.problems(aliyun::get)).singleElement().asString()
                .startsWith("HOTLINE_SMS_PUSH_SECRET is not set");
    }

    @Test
    void refusesAPreviousSealKeyThatIsNotAKey() {
        Map<String, String> settings = ProductionModeTest.production();
        settings.put("hotline.pii.previous-seal-keys", "1a3iO/FPTDDrCGOPewknYlQH3XDq6588q0g6PXUP+mk=,old-key");

        assertThat(ProductionRules.problems(settings::get)).singleElement().asString()
                .startsWith("HOTLINE_PII_PREVIOUS_SEAL_KEYS holds a key that is not 32 random bytes");
    }

    @Test
    void asksEveryKafkaClientForSaslSsl() {
        Map<String, String> unset = ProductionModeTest.production();
        unset.remove("spring.kafka.security.protocol");
        Map<String, String> binder = ProductionModeTest.production();
        binder.put("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SASL_PLAINTEXT");
        Map<String, String> lowerCase = new HashMap<>(ProductionModeTest.production());
        lowerCase.put("spring.kafka.security.protocol", "sasl_ssl");

        assertThat(ProductionRules.problems(unset::get)).singleElement().asString()
                .startsWith("SPRING_KAFKA_SECURITY_PROTOCOL is not set (PLAINTEXT)");
        assertThat(ProductionRules.problems(binder::get)).singleElement().asString()
                .startsWith("SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_SECURITY_PROTOCOL is SASL_PLAINTEXT");
        assertThat(ProductionRules.problems(lowerCase::get)).isEmpty();
    }

    @Test
    void asksForTlsToTheDatabase() {
        String replicaSet = "mongodb://hub-notification:b09c6918bdb692b8789e84e101605bb3550ca9547afa67445ef7b477b0dcb5"
                + "2a@db-1,db-2,db-3/notification?replicaSet=rs0&authSource=admin";
        Map<String, String> settings = ProductionModeTest.production();
        for (String uri : List.of(replicaSet, replicaSet + "&tls=false", replicaSet.replace("mongodb://",
                "mongodb+srv://") + "&tls=false")) {
            settings.put("spring.mongodb.uri", uri);
            assertThat(ProductionRules.problems(settings::get)).as(uri).singleElement().asString()
                    .startsWith("MONGODB_URI does not use TLS");
        }
        for (String uri : List.of(replicaSet + "&tls=true", replicaSet + "&ssl=true", replicaSet.replace("mongodb://",
                "mongodb+srv://"))) {
            settings.put("spring.mongodb.uri", uri);
            assertThat(ProductionRules.problems(settings::get)).as(uri).isEmpty();
        }
        settings.put("spring.mongodb.uri", replicaSet);
        settings.put("spring.mongodb.ssl.enabled", "true");
        assertThat(ProductionRules.problems(settings::get)).isEmpty();
    }
}
