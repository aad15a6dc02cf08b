package org.hotline12345.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.BsonBinary;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack's file-backed server keeps documents as BSON by record number: what a client stores must read back
 * the same after a clean restart, in the order it was inserted, with every index enforced and answering as before,
 * and a file the stock H2 backend wrote must open with its data.
 */
class H2BsonBackendTest {

    @TempDir
    Path dir;

    @Test
    void readsBackEveryDocumentInInsertionOrderWithItsIndexesAfterACleanRestart() {
        Path file = dir.resolve("db.mv");
        List<Document> before = withTickets(file, tickets -> {
            tickets.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
            tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("unit"), Indexes.ascending("number")),
                    new IndexOptions().unique(true).name("unit_number"));
            tickets.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true).sparse(true)
                    .name("phone"));
            tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("dueAt")),
                    new IndexOptions().name("status_due_at"));
            for (int i = 0; i < 40; i++) {
                tickets.insertOne(everyType(i));
            }
            tickets.updateOne(Filters.eq("_id", "t3"), Updates.combine(Updates.set("status", "CLOSED"),
                    Updates.inc("version", 1), Updates.push("history", new Document("at", new Date(5)))));
            tickets.updateOne(Filters.eq("_id", "t4"), Updates.combine(Updates.unset("phone"),
                    Updates.currentDate("touchedAt")));
            tickets.updateOne(Filters.eq("_id", "t41"), Updates.set("status", "NEW"), new UpdateOptions()
                    .upsert(true));
            tickets.deleteOne(Filters.eq("_id", "t5"));
        });

        List<Document> after = withTickets(file, tickets -> {
            assertThat(tickets.countDocuments()).isEqualTo(40);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "t3")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", "x").append("number", "n7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> tickets.updateOne(Filters.eq("_id", "t8"), Updates.set("phone", "+86-10")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            // the removed document's keys are free again, the unset phone too
            tickets.insertOne(new Document("_id", "t5").append("number", "n5").append("phone", "+86-4"));
            assertThat(tickets.find(Filters.eq("status", "CLOSED")).into(new ArrayList<>()))
                    .extracting(ticket -> ticket.get("_id")).containsExactly("t3");
            assertThat(tickets.find(Filters.and(Filters.eq("status", "OPEN"), Filters.lt("dueAt",
                    new Date(10_000)))).into(new ArrayList<>())).extracting(ticket -> ticket.get("_id"))
                    .containsExactlyInAnyOrder("t0", "t2", "t4", "t6", "t8");
            tickets.deleteOne(Filters.eq("_id", "t5"));
            assertThat(tickets.find().sort(new Document("$natural", -1)).limit(2).into(new ArrayList<>()))
                    .extracting(ticket -> ticket.get("_id")).containsExactly("t41", "t39");
        });

        assertThat(after).isEqualTo(before);
        assertThat(after).extracting(ticket -> ticket.get("_id")).startsWith("t0", "t1", "t2", "t3", "t4", "t6")
                .endsWith("t39", "t41");
    }

    @Test
    void opensAFileTheStockH2BackendWroteWithItsDocumentsAndIndexes() {
        Path file = dir.resolve("stock.mv");
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        String uri = "mongodb://127.0.0.1:" + stock.bind().getPort();
        List<Document> before;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> tickets = client.getDatabase("routing").getCollection("tickets");
            tickets.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
            tickets.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
            for (int i = 0; i < 30; i++) {
                tickets.insertOne(everyType(i));
            }
            client.getDatabase("intake").getCollection("calls").insertOne(new Document("_id", new ObjectId())
                    .append("text", "a streetlight is out"));
            before = tickets.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        } finally {
            stock.shutdownNow();
        }

        List<Document> after = withTickets(file, tickets -> {
            assertThatThrownBy(() -> tickets.insertOne(new Document("number", "n7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tickets.countDocuments(Filters.eq("status", "OPEN"))).isEqualTo(15);
            assertThat(tickets.getNamespace().getDatabaseName()).isEqualTo("routing");
        }, "routing").stream().sorted((a, b) -> a.getString("_id").compareTo(b.getString("_id"))).toList();

        assertThat(after).isEqualTo(before);
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThat(store.getMapNames()).noneMatch(name -> name.startsWith("databases.")
                    || name.contains("._index_") && !name.startsWith(H2BsonBackend.INDEX));
        }
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("intake"))) {
            assertThat(client.getDatabase("intake").getCollection("calls").find().first())
                    .containsEntry("text", "a streetlight is out");
        }
    }

    @Test
    void answersEveryQueryAsTheInMemoryServerDoesThroughWritesAndARestart() {
        Path file = dir.resolve("twin.mv");
        List<Bson> filters = List.of(
                Filters.eq("status", "ACCEPTED"),
                Filters.in("status", "TRIAGE", "CLOSED"),
                Filters.and(Filters.eq("status", "ACCEPTED"), Filters.gte("dueAt", new Date(20_000))),
                Filters.and(Filters.eq("status", "ASSIGNED"), Filters.gt("dueAt", new Date(10_000)),
                        Filters.lte("dueAt", new Date(40_000))),
                Filters.gt("unit", "u3"),
                Filters.and(Filters.gte("unit", "u2"), Filters.lt("unit", "u5")),
                Filters.lt("unit", "u2"),
                Filters.eq("tags", "b1"),
                Filters.in("tags", "a0", "c"),
                Filters.eq("score", 2),
                Filters.gt("score", 1.5),
                Filters.eq("status", "NONE"),
                Filters.in("_id", "t1", "t2", "t3", "t1000"));
        Random random = new Random(12345);
        List<Consumer<MongoCollection<Document>>> writes = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = round * 50 + i;
                batch.add(new Document("_id", "t" + n).append("status", STATUSES.get(random.nextInt(4)))
                        .append("unit", "u" + random.nextInt(8)).append("dueAt", new Date(1000L * random.nextInt(50)))
                        .append("tags", List.of("a" + n % 3, "b" + n % 2)).append("score", n % 3 == 0 ? 2 : 2.5));
            }
            List<UpdateOneModel<Document>> updates = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                updates.add(new UpdateOneModel<>(Filters.eq("_id", "t" + random.nextInt(50 * round + 50)),
                        Updates.combine(Updates.set("status", STATUSES.get(random.nextInt(4))),
                                Updates.push("tags", "c"), Updates.set("dueAt", new Date(1000L
                                        * random.nextInt(50))))));
            }
            String gone = "t" + random.nextInt(50 * round + 50);
            writes.add(collection -> {
                collection.insertMany(batch);
                collection.bulkWrite(updates);
                collection.deleteMany(Filters.eq("_id", gone));
                collection.updateMany(Filters.eq("unit", "u7"), Updates.set("unit", "u6"));
            });
        }
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory(); MongoClient twin = MongoClients.create(
                memory.uri("test"))) {
            MongoCollection<Document> expected = prepared(twin.getDatabase("test"));
            for (int half = 0; half < 2; half++) {
                int from = half * 3;
                try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients
                        .create(server.uri("test"))) {
                    MongoCollection<Document> actual = from == 0 ? prepared(client.getDatabase("test"))
                            : client.getDatabase("test").getCollection("tickets");
                    for (Bson filter : filters) {
                        assertThat(actual.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                                .as("before round %d: %s", from, filter)
                                .isEqualTo(expected.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
                    }
                    for (int round = from; round < from + 3; round++) {
                        writes.get(round).accept(expected);
                        writes.get(round).accept(actual);
                        for (Bson filter : filters) {
                            assertThat(actual.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                                    .as("round %d: %s", round, filter)
                                    .isEqualTo(expected.find(filter).sort(Sorts.ascending("_id"))
                                            .into(new ArrayList<>()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void keepsARenamedCollectionAndForgetsDroppedOnesAcrossARestart() {
        Path file = dir.resolve("renames.mv");
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            MongoDatabase database = client.getDatabase("test");
            MongoCollection<Document> drafts = database.getCollection("drafts");
            drafts.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
            drafts.insertMany(List.of(new Document("_id", 1).append("number", "n1"), new Document("_id", 2)
                    .append("number", "n2")));
            drafts.renameCollection(new com.mongodb.MongoNamespace("test", "tickets"));
            database.getCollection("scratch").insertOne(new Document("_id", 1));
            database.getCollection("scratch").drop();
            client.getDatabase("gone").getCollection("c").insertOne(new Document("_id", 1));
            client.getDatabase("gone").drop();
        }
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri("test"))) {
            MongoDatabase database = client.getDatabase("test");
            assertThat(database.listCollectionNames().into(new ArrayList<>())).containsExactly("tickets");
            MongoCollection<Document> tickets = database.getCollection("tickets");
            assertThat(tickets.find().into(new ArrayList<>())).extracting(ticket -> ticket.get("_id"))
                    .containsExactly(1, 2);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", 3).append("number", "n2")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("gone");
        }
    }

    @Test
    void leavesADocumentAndItsKeysAsTheyWereWhenAnUpdateIsRefused() {
        withTickets(dir.resolve("refused.mv"), tickets -> {
            tickets.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number"));
            tickets.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
            tickets.insertMany(List.of(new Document("_id", 1).append("number", "n1").append("status", "OPEN"),
                    new Document("_id", 2).append("number", "n2").append("status", "OPEN")));
            assertThatThrownBy(() -> tickets.updateOne(Filters.eq("_id", 2), Updates.combine(
                    Updates.set("number", "n1"), Updates.set("status", "CLOSED"))))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThat(tickets.find(Filters.eq("_id", 2)).first()).containsEntry("number", "n2")
                    .containsEntry("status", "OPEN");
            assertThat(tickets.countDocuments(Filters.eq("status", "OPEN"))).isEqualTo(2);
            assertThatThrownBy(() -> tickets.insertOne(new Document("_id", 3).append("number", "n2")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
    }

    @Test
    void enforcesUniqueKeysOfArraysEmbeddedFieldsAndSparseIndexesAsTheInMemoryServerDoes() {
        List<Document> attempts = List.of(
                new Document("_id", 1).append("tags", List.of("a", "b")).append("owner", new Document("id", 7)),
                new Document("_id", 2).append("tags", List.of("b", "c")),
                new Document("_id", 3).append("owner", new Document("id", 7)),
                new Document("_id", 4).append("owner", new Document("id", 7.0)),
                new Document("_id", 5),
                new Document("_id", 6),
                new Document("_id", 7).append("phone", null),
                new Document("_id", 8).append("phone", null),
                new Document("_id", 9.0),
                new Document("_id", 10).append("tags", "c").append("phone", "+86-1"),
                new Document("_id", 11).append("phone", "+86-1"));
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory(); MongoClient twin = MongoClients.create(
                memory.uri("test")); EmbeddedMongo server = EmbeddedMongo.persistent(0, dir.resolve("unique.mv"));
                MongoClient client = MongoClients.create(server.uri("test"))) {
            MongoCollection<Document> expected = uniquelyIndexed(twin.getDatabase("test"));
            MongoCollection<Document> actual = uniquelyIndexed(client.getDatabase("test"));
            for (Document attempt : attempts) {
                assertThat(outcome(actual, attempt)).as(attempt.toJson()).isEqualTo(outcome(expected, attempt));
            }
            assertThat(actual.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .isEqualTo(expected.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            for (Document change : List.of(new Document("tags", "a"), new Document("owner.id", 8),
                    new Document("phone", "+86-2"))) {
                assertThat(updateOutcome(actual, change)).as(change.toJson())
                        .isEqualTo(updateOutcome(expected, change));
            }
        }
    }

    private static MongoCollection<Document> uniquelyIndexed(MongoDatabase database) {
        MongoCollection<Document> tickets = database.getCollection("tickets");
        tickets.createIndex(Indexes.ascending("tags"), new IndexOptions().unique(true).name("tags"));
        tickets.createIndex(Indexes.ascending("owner.id"), new IndexOptions().unique(true).sparse(true)
                .name("owner"));
        tickets.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true).sparse(true).name("phone"));
        return tickets;
    }

    private static String outcome(MongoCollection<Document> tickets, Document attempt) {
        try {
            tickets.insertOne(new Document(attempt));
            return "inserted";
        } catch (MongoWriteException e) {
            return "refused " + e.getError().getCode();
        }
    }

    private static String updateOutcome(MongoCollection<Document> tickets, Document change) {
        try {
            tickets.updateOne(Filters.eq("_id", 6), new Document("$set", change));
            return "updated";
        } catch (MongoWriteException e) {
            return "refused " + e.getError().getCode();
        }
    }

    private static final List<String> STATUSES = List.of("ASSIGNED", "ACCEPTED", "TRIAGE", "CLOSED");

    private static MongoCollection<Document> prepared(MongoDatabase database) {
        MongoCollection<Document> tickets = database.getCollection("tickets");
        tickets.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("dueAt")),
                new IndexOptions().name("status_due_at"));
        tickets.createIndex(Indexes.ascending("unit"), new IndexOptions().name("unit"));
        tickets.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
        tickets.createIndex(Indexes.ascending("score"), new IndexOptions().name("score"));
        return tickets;
    }

    /** A ticket with a value of every type a client sends. */
    private static Document everyType(int i) {
        Document ticket = new Document("_id", "t" + i).append("number", "n" + i).append("unit", "u" + i % 3)
                .append("status", i % 2 == 0 ? "OPEN" : "DONE").append("version", i % 2 == 0 ? 1 : 1L)
                .append("dueAt", new Date(1000L * i)).append("score", i / 3.0)
                .append("amount", new Decimal128(new BigDecimal("12.34"))).append("open", i % 2 == 0)
                .append("caller", new ObjectId())
                .append("key", new BsonBinary(UUID.nameUUIDFromBytes(new byte[] {(byte) i}),
                        UuidRepresentation.STANDARD))
                .append("bytes", new BsonBinary(new byte[] {1, 2, (byte) i})).append("seen", new BsonTimestamp(i, 1))
                .append("nothing", null).append("place", new Document("type", "Point").append("coordinates",
                        List.of(106.6, 26.6 + i / 1000.0)))
                .append("history", List.of(new Document("at", Date.from(Instant.ofEpochMilli(i)))
                        .append("by", "intake")))
                .append("text", "路灯坏了 " + i);
        if (i % 4 != 1) {
            ticket.append("phone", "+86-" + i);
        }
        return ticket;
    }

    /** Runs {@code work} on a server on {@code file}, then answers every ticket as stored, in natural order. */
    private static List<Document> withTickets(Path file, Consumer<MongoCollection<Document>> work) {
        return withTickets(file, work, "test");
    }

    private static List<Document> withTickets(Path file, Consumer<MongoCollection<Document>> work,
            String databaseName) {
        try (EmbeddedMongo server = EmbeddedMongo.persistent(0, file); MongoClient client = MongoClients.create(
                server.uri(databaseName))) {
            MongoCollection<Document> tickets = client.getDatabase(databaseName).getCollection("tickets");
            work.accept(tickets);
            return tickets.find().into(new ArrayList<>());
        }
    }
}
