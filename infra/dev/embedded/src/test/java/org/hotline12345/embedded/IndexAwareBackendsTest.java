package org.hotline12345.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that pins a unique index and asks more is answered from the index: the answers must be exactly those of
 * a full read, on both backends, including after a restart of the file-backed one.
 */
class IndexAwareBackendsTest {

    @TempDir
    Path dir;

    @Test
    void answersVersionedAndGuardedQueriesByIdLikeAFullReadInMemory() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            checkAnswers(client.getDatabase("test").getCollection("tickets"));
        }
    }

    @Test
    void answersVersionedAndGuardedQueriesByIdLikeAFullReadOnFileAndAfterARestart() {
        Path file = dir.resolve("db.mv");
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            checkAnswers(client.getDatabase("test").getCollection("tickets"));
        }
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            MongoCollection<Document> tickets = client.getDatabase("test").getCollection("tickets");
            assertThat(tickets.countDocuments()).isEqualTo(100);
            assertThat(tickets.find(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 2))).first())
                    .containsEntry("status", "ACCEPTED");
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "t100").append("number", "n7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
    }

    @Test
    void answersFromNonUniqueIndexesExactlyWhatAFullReadAnswersThroughWritesAndARestart() {
        Path file = dir.resolve("twins.mv");
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            MongoCollection<Document> indexed = client.getDatabase("test").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("test").getCollection("plain");
            indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("dueAt")),
                    new IndexOptions().name("status_due_at"));
            indexed.createIndex(Indexes.ascending("pendingSince"), new IndexOptions().sparse(true).name("pending"));
            indexed.createIndex(Indexes.ascending("day"), new IndexOptions().name("day"));
            for (MongoCollection<Document> twin : List.of(indexed, plain)) {
                for (int i = 0; i < 300; i++) {
                    Document ticket = new Document("_id", "t" + i).append("status", STATUSES.get(i % 4))
                            .append("dueAt", new java.util.Date(1_000_000L * (i % 50))).append("day", "2026-11-"
                                    + (10 + i % 20)).append("tags", List.of("a" + i % 3, "b"));
                    if (i % 7 == 0) {
                        ticket.append("pendingSince", new java.util.Date(i * 1000L));
                    }
                    twin.insertOne(ticket);
                }
                // writes after the index exists: moves, removals, a field that comes and goes
                twin.updateMany(Filters.eq("status", "ASSIGNED"), Updates.set("status", "ACCEPTED"));
                twin.updateMany(Filters.in("_id", "t1", "t2", "t3"), Updates.set("pendingSince", new java.util.Date()));
                twin.updateMany(Filters.eq("_id", "t7"), Updates.unset("pendingSince"));
                twin.deleteMany(Filters.eq("day", "2026-11-12"));
            }
            assertSameAnswers(indexed, plain);
        }
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            MongoCollection<Document> indexed = client.getDatabase("test").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("test").getCollection("plain");
            assertSameAnswers(indexed, plain);
            for (MongoCollection<Document> twin : List.of(indexed, plain)) {
                twin.updateMany(Filters.eq("status", "TRIAGE"), Updates.set("status", "CLOSED"));
            }
            assertSameAnswers(indexed, plain);
        }
    }

    @Test
    void refusesToRedefineAnIndexUnderTheSameName() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            MongoCollection<Document> tickets = client.getDatabase("test").getCollection("tickets");
            tickets.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
            tickets.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
            assertThatThrownBy(() -> tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
                    Indexes.ascending("dueAt")), new IndexOptions().name("status")))
                    .hasMessageContaining("status");
        }
    }

    private static final List<String> STATUSES = List.of("ASSIGNED", "ACCEPTED", "TRIAGE", "CLOSED");

    private static void assertSameAnswers(MongoCollection<Document> indexed, MongoCollection<Document> plain) {
        List<org.bson.conversions.Bson> filters = List.of(
                Filters.eq("status", "ACCEPTED"),
                Filters.and(Filters.eq("status", "ACCEPTED"), Filters.lte("dueAt", new java.util.Date(20_000_000L))),
                Filters.and(Filters.in("status", "TRIAGE", "CLOSED"), Filters.gt("dueAt", new java.util.Date(0))),
                Filters.lte("pendingSince", new java.util.Date()),
                Filters.and(Filters.gte("day", "2026-11-15"), Filters.lt("day", "2026-11-20")),
                Filters.eq("day", "2026-11-12"),
                Filters.eq("status", "NONE"));
        for (org.bson.conversions.Bson filter : filters) {
            assertThat(ids(indexed.find(filter))).as(filter.toString()).isNotNull()
                    .containsExactlyInAnyOrderElementsOf(ids(plain.find(filter)));
            assertThat(indexed.countDocuments(filter)).isEqualTo(plain.countDocuments(filter));
        }
        List<Document> pipeline = List.of(new Document("$match", new Document("day", new Document("$gte",
                "2026-11-15"))), new Document("$group", new Document("_id", "$status").append("n",
                new Document("$sum", 1))), new Document("$sort", new Document("_id", 1)));
        assertThat(indexed.aggregate(pipeline).into(new ArrayList<>()))
                .isEqualTo(plain.aggregate(pipeline).into(new ArrayList<>())).isNotEmpty();
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static void checkAnswers(MongoCollection<Document> tickets) {
        tickets.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            stored.add(new Document("_id", "t" + i).append("number", "n" + i).append("version", 1)
                    .append("status", i % 2 == 0 ? "ASSIGNED" : "CLOSED"));
        }
        tickets.insertMany(stored);

        // an optimistic-lock save: the version decides, not the id alone
        assertThat(tickets.updateOne(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 1)),
                Updates.combine(Updates.set("status", "ACCEPTED"), Updates.inc("version", 1))).getModifiedCount())
                .isEqualTo(1);
        assertThat(tickets.updateOne(Filters.and(Filters.eq("_id", "t7"), Filters.eq("version", 1)),
                Updates.set("status", "LOST")).getModifiedCount()).isZero();
        assertThat(tickets.find(Filters.eq("_id", "t7")).first()).containsEntry("status", "ACCEPTED")
                .containsEntry("version", 2);

        // a guarded transition, a look-up by a unique key with a condition, and several ids at once
        assertThat(tickets.find(Filters.and(Filters.eq("_id", "t8"), Filters.ne("status", "CLOSED"))).first())
                .isNotNull();
        assertThat(tickets.find(Filters.and(Filters.eq("_id", "t9"), Filters.ne("status", "CLOSED"))).first())
                .isNull();
        assertThat(tickets.find(Filters.and(Filters.eq("number", "n10"), Filters.eq("status", "ASSIGNED")))
                .first()).containsEntry("_id", "t10");
        assertThat(tickets.find(Filters.and(Filters.in("_id", "t1", "t2", "t3", "nope"),
                Filters.eq("status", "ASSIGNED"))).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                .containsExactly("t2");
        assertThat(tickets.deleteOne(Filters.and(Filters.eq("_id", "t3"), Filters.eq("version", 5)))
                .getDeletedCount()).isZero();
        assertThat(tickets.countDocuments(Filters.eq("status", "ASSIGNED"))).isEqualTo(50);
    }
}
