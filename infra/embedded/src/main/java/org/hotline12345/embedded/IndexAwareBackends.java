package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The wire server's memory and H2 backends, made to read through indexes as MongoDB does. The stock server answers
 * a query from an index only when the query names exactly the keys of a unique index, ignores every other index,
 * and runs each aggregation over the whole collection; so an optimistic-lock save ({@code {_id, version}}), a
 * sweep over a status or a date, or a {@code $match} on a day all read every document stored, and the hub slows
 * down with each ticket a city keeps. Here:
 * <ul>
 * <li>a query that pins every key of a unique index by equality is answered from it whatever else it asks;</li>
 * <li>a non-unique index is a real {@link SecondaryIndex} on its leading key;</li>
 * <li>an aggregation that starts with {@code $match} reads only what that match finds by the rules above.</li>
 * </ul>
 * The documents an index finds are always matched against the whole query, so answers are the same as before.
 */
final class IndexAwareBackends {

    private IndexAwareBackends() {
    }

    static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collectionName,
                            CollectionOptions options) {
                        return new IndexAwareMemoryCollection(this, collectionName, options, cursorRegistry);
                    }

                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }

                    @Override
                    public Document handleCommand(Channel channel, String command, Document query,
                            DatabaseResolver resolver, Oplog oplog) {
                        Document answer = aggregateFromIndexes(this, command, query, resolver, oplog);
                        return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
                    }
                };
            }
        };
    }

    /**
     * The H2 backend on {@code file}, with a page cache large enough to hold a busy city's working set: the stock
     * 16 MB cache makes nearly every read deserialise its page again.
     */
    static MongoBackend h2(String file, int cacheMegabytes) {
        return new H2Backend(new MVStore.Builder().fileName(file).cacheSize(cacheMegabytes).open()) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                MVStore store = getMvStore();
                return new H2Database(databaseName, store, getCursorRegistry()) {
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                            CollectionOptions options) {
                        String namespace = getFullCollectionNamespace(collectionName);
                        // The map names the stock H2 backend uses, so existing data files open unchanged.
                        MVMap<Object, Document> data = store.openMap("databases." + namespace);
                        MVMap<String, Object> meta = store.openMap("meta." + namespace);
                        return new IndexAwareH2Collection(this, collectionName, options, data, meta,
                                cursorRegistry);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                            List<IndexKey> keys, boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }

                    @Override
                    public Document handleCommand(Channel channel, String command, Document query,
                            DatabaseResolver resolver, Oplog oplog) {
                        Document answer = aggregateFromIndexes(this, command, query, resolver, oplog);
                        return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
                    }
                };
            }
        };
    }

    /**
     * Runs an aggregation whose first stage is {@code $match} over what that match finds as a query, or answers
     * null to leave the command to the server as it is.
     */
    static Document aggregateFromIndexes(MongoDatabase database, String command, Document query,
            DatabaseResolver resolver, Oplog oplog) {
        if (!command.equalsIgnoreCase("aggregate") || !(query.get(command) instanceof String collectionName)) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match)) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return null;
        }
        Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database,
                collection, oplog);
        rest.validate(query);
        List<Document> results = rest.runStages(collection.handleQueryAsStream(match));
        Document cursor = new Document("id", 0L);
        cursor.put("ns", database.getDatabaseName() + "." + collectionName);
        cursor.put("firstBatch", results);
        Document response = new Document("cursor", cursor);
        response.put("ok", 1.0);
        return response;
    }

    /** The index a query is answered from: a unique one it pins, else the server's own choice. */
    static <P> QueryResult query(IndexedCollection<P> collection, Document query, Document orderBy, int skip,
            int limit, int batchSize, Document fieldSelector) {
        collection.buildSecondaryIndexes();
        for (Index<P> index : collection.getIndexes()) {
            Document pinned = pinnedBy(index, query);
            if (pinned != null) {
                return collection.matchFrom(query, index.getPositions(pinned), orderBy, skip, limit, batchSize,
                        fieldSelector);
            }
        }
        return collection.queryAsServer(query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    /** The part of {@code query} that pins every key of {@code index}, or null when it does not. */
    static <P> Document pinnedBy(Index<P> index, Document query) {
        List<IndexKey> keys = index.getKeys();
        if (!index.isUnique() || query.keySet().size() <= keys.size()) {
            return null;
        }
        Document pinned = new Document();
        for (IndexKey key : keys) {
            Object value = query.get(key.getKey());
            if (value == null || value instanceof Document && !(keys.size() == 1 && isIn((Document) value))) {
                return null;
            }
            pinned.put(key.getKey(), value);
        }
        return index.canHandle(pinned) ? pinned : null;
    }

    private static boolean isIn(Document condition) {
        return condition.keySet().equals(Set.of("$in"));
    }

    /** What the query rules above need of a collection. */
    interface IndexedCollection<P> {

        List<Index<P>> getIndexes();

        Stream<DocumentWithPosition<P>> allDocuments();

        QueryResult matchFrom(Document query, Iterable<P> positions, Document orderBy, int skip, int limit,
                int batchSize, Document fieldSelector);

        QueryResult queryAsServer(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector);

        /** Builds the secondary indexes not built yet, all in one read of the collection. */
        default void buildSecondaryIndexes() {
            synchronized (this) {
                List<SecondaryIndex<P>> pending = getIndexes().stream()
                        .filter(index -> index instanceof SecondaryIndex<P> secondary && !secondary.isBuilt())
                        .map(index -> (SecondaryIndex<P>) index)
                        .toList();
                if (pending.isEmpty()) {
                    return;
                }
                allDocuments().forEach(document -> pending.forEach(index -> index.include(document.getDocument(),
                        document.getPosition())));
                pending.forEach(SecondaryIndex::markBuilt);
            }
        }
    }

    private static final class IndexAwareMemoryCollection extends MemoryCollection
            implements IndexedCollection<Integer> {

        IndexAwareMemoryCollection(MongoDatabase database, String name, CollectionOptions options,
                CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return query(this, query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        public Stream<DocumentWithPosition<Integer>> allDocuments() {
            return streamAllDocumentsWithPosition();
        }

        @Override
        public QueryResult matchFrom(Document query, Iterable<Integer> positions, Document orderBy, int skip,
                int limit, int batchSize, Document fieldSelector) {
            return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        public QueryResult queryAsServer(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }

    private static final class IndexAwareH2Collection extends H2Collection implements IndexedCollection<Object> {

        IndexAwareH2Collection(MongoDatabase database, String name, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return query(this, query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        public Stream<DocumentWithPosition<Object>> allDocuments() {
            return streamAllDocumentsWithPosition();
        }

        @Override
        public QueryResult matchFrom(Document query, Iterable<Object> positions, Document orderBy, int skip,
                int limit, int batchSize, Document fieldSelector) {
            return matchDocuments(query, positions, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        public QueryResult queryAsServer(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document fieldSelector) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }

}
