package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.hotline12345.platform.production.ProductionRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class ProductionModeTest {

    /** What an operations team sets for notification in production. */
    static Map<String, String> production() {
        Map<String, String> settings = new HashMap<>();
        settings.put("hotline.security.issuer", "https://id.example.gov.cn/realms/hotline");
        settings.put("spring.security.oauth2.resourceserver.jwt.audiences", "hotline-hub");
        settings.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                "https://id.example.gov.cn/realms/hotline/protocol/openid-connect/certs");
        settings.put("spring.kafka.bootstrap-servers", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        settings.put("spring.kafka.security.protocol", "SASL_SSL");
        settings.put("spring.kafka.properties.sasl.jaas.config", "org.apache.kafka.common.security.scram."
                + "ScramLoginModule required username=\"hub-notification\" "
                + "password=\"11c7428ef8a49a6d1314cb467fdc9c7b4b591af428c3f8c22d0491211b0d40f1\";");
        settings.put("hotline.kafka.replicas", "3");
        settings.put("spring.mongodb.uri", "mongodb://hub-notification:"
                + "b09c6918bdb692b8789e84e101605bb3550ca9547afa67445ef7b477b0dcb52a@db-1,db-2,db-3/notification"
                + "?replicaSet=rs0&authSource=admin&tls=true");
        settings.put("hotline.pii.seal-key", "q3J1mZ0v8m7Yq1lW5m7H2d9mQpZ1c8bW0X2n4a6s8dE=");
        settings.put("hotline.pii.hash-key", "yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5uc=");
        settings.put("hotline.notification.gateway", "http");
        settings.put("hotline.notification.webhook-secret",
                "e733f2b94bbba384d81cb677f723a9c6ed03fd750d241e3f75f8071852a572e3");
        return settings;
    }

    @Test
    void passesWhatAnOperationsTeamSets() {
        assertThat(ProductionRules.problems(production()::get)).isEmpty();
    }

    @Test
    void namesEachDevStackPartAndMissingSecret() {
        Map<String, String> dev = production();
        dev.remove("hotline.security.issuer");
        dev.remove("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        dev.put("spring.kafka.bootstrap-servers", "127.0.0.1:9092");
        dev.remove("hotline.kafka.replicas");
        dev.put("spring.mongodb.uri", "mongodb://127.0.0.1:27017/notification");
        dev.put("hotline.pii.seal-key", "dGVzdC1zZWFsLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=");
        dev.put("hotline.pii.hash-key", "");
        dev.put("hotline.notification.gateway", "dev-outbox");
        dev.put("hotline.notification.webhook-secret", "");

        assertThat(ProductionRules.problems(dev::get)).hasSize(10).anySatisfy(p -> assertThat(p)
                .startsWith("HOTLINE_SECURITY_ISSUER")).anySatisfy(p -> assertThat(p)
                .startsWith("KAFKA_BOOTSTRAP_SERVERS is 127.0.0.1:9092")).anySatisfy(p -> assertThat(p)
                .startsWith("HOTLINE_KAFKA_REPLICAS is 1")).anySatisfy(p -> assertThat(p)
                .startsWith("MONGODB_URI does not use TLS")).anySatisfy(p -> assertThat(p)
                .startsWith("HOTLINE_PII_SEAL_KEY is not 32 random bytes")).anySatisfy(p -> assertThat(p)
                .startsWith("HOTLINE_PII_HASH_KEY is not set")).anySatisfy(p -> assertThat(p)
                .startsWith("HOTLINE_SMS_GATEWAY is dev-outbox")).anySatisfy(p -> assertThat(p)
                .startsWith("HOTLINE_SMS_WEBHOOK_SECRET is not set"));
    }

    @Test
    void neverPrintsTheDatabasePassword() {
        Map<String, String> single = production();
        single.put("spring.mongodb.uri", "mongodb://hub:secret-pw@db-1/notification");

        assertThat(ProductionRules.problems(single::get)).hasSize(3)
                .allSatisfy(p -> assertThat(p).startsWith("MONGODB_URI").doesNotContain("secret-pw"))
                .anySatisfy(p -> assertThat(p).contains("hub:…@db-1"));
    }

    @Test
    void stopsAServiceBeforeItConnectsToAnything() {
        SpringApplicationBuilder service = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE);

        assertThatThrownBy(() -> service.run("--hotline.production=true",
                "--hotline.city-contact=REPLACE-ME-city-contact"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Production mode (HOTLINE_PRODUCTION=true) does not start platform-test")
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS is 127.0.0.1:9092")
                .hasMessageContaining("MONGODB_URI is not a replica set")
                .hasMessageContaining("SPRING_KAFKA_SECURITY_PROTOCOL is not set")
                .hasMessageContaining("hotline.city-contact holds REPLACE-ME")
                .message().doesNotContain("REPLACE-ME-city-contact");
    }
}
