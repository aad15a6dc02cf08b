package org.hotline12345.embedded.indexaudit;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.hotline12345.embedded.indexaudit.IndexedFilters.IndexSpec;

/**
 * Every index the services of this test JVM created and every query they sent, by namespace. One log per JVM,
 * because a test's application context may outlive its class and serve the next one.
 */
public final class QueryLog implements CommandListener {

    static final QueryLog INSTANCE = new QueryLog();

    private final Map<String, List<IndexSpec>> indexes = new ConcurrentHashMap<>();
    private final List<Query> queries = new ArrayList<>();

    private QueryLog() {
    }

    /** One filtered read or write as it went to the server. */
    public record Query(String namespace, String command, BsonDocument filter, BsonDocument sort) {

        @Override
        public String toString() {
            return command + " on " + namespace + " " + filter.toJson()
                    + (sort.isEmpty() ? "" : " sorted by " + sort.toJson());
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        String database = event.getDatabaseName();
        if (!command.containsKey(name) || !command.get(name).isString()) {
            return;
        }
        String namespace = database + "." + command.getString(name).getValue();
        switch (name) {
            case "createIndexes" -> command.getArray("indexes").forEach(index -> indexes
                    .computeIfAbsent(namespace, ignored -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(IndexSpec.of(index.asDocument())));
            case "find" -> {
                if (!firstOfAny(command)) {
                    record(namespace, name, command.getDocument("filter", new BsonDocument()),
                            command.getDocument("sort", new BsonDocument()));
                }
            }
            // a count without a query is answered from the collection's metadata (an estimated count)
            case "count" -> {
                if (command.containsKey("query")) {
                    record(namespace, name, command.getDocument("query"), new BsonDocument());
                }
            }
            case "distinct" -> record(namespace, name, command.getDocument("query", new BsonDocument()),
                    new BsonDocument());
            case "findAndModify" -> record(namespace, name, command.getDocument("query", new BsonDocument()),
                    command.getDocument("sort", new BsonDocument()));
            case "update" -> each(command, "updates", statement -> record(namespace, name,
                    statement.getDocument("q"), new BsonDocument()));
            case "delete" -> each(command, "deletes", statement -> record(namespace, name,
                    statement.getDocument("q"), new BsonDocument()));
            case "aggregate" -> recordPipeline(namespace, command.getArray("pipeline"));
            default -> {
                // Inserts, index builds, pings and the like read nothing.
            }
        }
    }

    /**
     * A find of any one document, as the driver's GridFS upload sends to learn whether its bucket is new: it reads
     * the first document it meets and stops, whatever the collection's size.
     */
    private static boolean firstOfAny(BsonDocument find) {
        BsonValue limit = find.get("limit");
        return find.getDocument("filter", new BsonDocument()).isEmpty()
                && find.getDocument("sort", new BsonDocument()).isEmpty()
                && limit != null && limit.isNumber() && Math.abs(limit.asNumber().longValue()) == 1;
    }

    private void recordPipeline(String namespace, BsonArray pipeline) {
        BsonDocument first = pipeline.isEmpty() ? new BsonDocument() : pipeline.get(0).asDocument();
        BsonDocument match = first.containsKey("$match") ? first.getDocument("$match") : new BsonDocument();
        BsonDocument sort = pipeline.size() > 1 && pipeline.get(1).asDocument().containsKey("$sort")
                ? pipeline.get(1).asDocument().getDocument("$sort") : new BsonDocument();
        record(namespace, "aggregate", match, sort);
    }

    private static void each(BsonDocument command, String field,
            java.util.function.Consumer<BsonDocument> statement) {
        BsonValue statements = command.get(field);
        if (statements != null) {
            statements.asArray().forEach(value -> statement.accept(value.asDocument()));
        }
    }

    private synchronized void record(String namespace, String command, BsonDocument filter, BsonDocument sort) {
        queries.add(new Query(namespace, command, filter.clone(), sort.clone()));
    }

    /** The queries sent since the last call, forgetting them. */
    synchronized List<Query> drain() {
        List<Query> sent = List.copyOf(queries);
        queries.clear();
        return sent;
    }

    /** {@code _id} and every index created in {@code namespace}. */
    List<IndexSpec> indexesOf(String namespace) {
        List<IndexSpec> known = new ArrayList<>(indexes.getOrDefault(namespace, List.of()));
        known.add(IndexSpec.ID);
        return known;
    }
}
