package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.platform.indexes.ExpirySweeper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IndexesIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String DATABASE = "platform-indexes-it";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, DATABASE);
    }

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ExpirySweeper expiry;

    @Test
    void createsTheDeclaredIndexesAndTheOutboxSweepsIndexAtStartUp() {
        Map<String, Document> parcels = indexesOf("parcels");
        assertThat(parcels.keySet()).contains("_id_", "state", "outbox_pending");
        assertThat(parcels.get("state").get("key", Document.class)).isEqualTo(new Document("state", 1));
        assertThat(parcels.get("outbox_pending").getBoolean("sparse")).isTrue();
        Document ttl = indexesOf("receipts").get("created_at_ttl");
        assertThat(((Number) ttl.get("expireAfterSeconds")).longValue()).isEqualTo(3600);
    }

    @Test
    void startsAgainOnTheSameIndexesAndRefusesToStartOnARedefinedOne() {
        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.isActive()).isTrue();
        }
        assertThat(indexesOf("parcels")).hasSize(3);

        assertThatThrownBy(() -> start("redefined-index").close())
                .hasStackTraceContaining("Could not create the index state {\"state\": 1, \"id\": 1} on parcels")
                .hasStackTraceContaining("drop it and start again");
        assertThat(indexesOf("parcels").get("state").get("key", Document.class))
                .isEqualTo(new Document("state", 1));
    }

    @Test
    void deletesDocumentsPastTheirTimeToLiveWhereTheServerDoesNot() {
        Instant now = Instant.now();
        mongo.insert(List.of(new Document("_id", "old").append("createdAt", now.minus(Duration.ofMinutes(61))),
                new Document("_id", "fresh").append("createdAt", now.minus(Duration.ofMinutes(59)))), "receipts")
                .blockLast();

        assertThat(expiry.runOnce().block()).isEqualTo(1);

        assertThat(mongo.find(Query.query(Criteria.where("_id").in("old", "fresh")), Document.class, "receipts")
                .map(d -> d.getString("_id")).collectList().block()).containsExactly("fresh");
    }

    private Map<String, Document> indexesOf(String collection) {
        return mongo.getCollection(collection)
                .flatMapMany(c -> c.listIndexes())
                .collectMap(index -> index.getString("name"))
                .block();
    }

    private static ConfigurableApplicationContext start(String... profiles) {
        // as arguments, so that they win over application.yml as the test's dynamic properties do
        Stream<String> arguments = Stream.concat(infra.springProperties(DATABASE).entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()), Stream.of("--server.port=0"));
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .profiles(profiles)
                .run(arguments.toArray(String[]::new));
    }
}
