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
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * The wire server's memory backend and its file-backed one ({@link H2BsonBackend}), made to read through indexes as
 * MongoDB does. The stock server answers
 * a query from an index only when the query names exactly the keys of a unique index, ignores every other index,
 * and runs each aggregation over the whole collection; so an optimistic-lock save ({@code {_id, version}}), a
 * sweep over a status or a date, or a {@code $match} on a day all read every document stored, and the hub slows
 * down with each ticket a city keeps. Here:
 * <ul>
 * <li>a query that pins every key of a unique index by equality is answered from it whatever else it asks;</li>
 * <li>a non-unique index is a real {@link SecondaryIndex} on its leading key, told only of the updates that change
 * what it indexes;</li>
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
                        return secondaryIndex(indexName, keys, sparse);
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
     * The file-backed backend on {@code file} ({@link H2BsonBackend}), with a page cache large enough to hold a busy
     * city's working set.
     */
    static MongoBackend h2(String file, int cacheMegabytes) {
        return new H2BsonBackend(new MVStore.Builder().fileName(file).cacheSize(cacheMegabytes).open());
    }

    /** A non-unique index: a {@link SecondaryIndex} told of the updates that change what it indexes. */
    static <P> Index<P> secondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        return new ChangedKeysIndex<>(new SecondaryIndex<>(name, keys, sparse));
    }

    /**
     * The value at {@code path} as the server's indexes read it ({@link Utils#getSubdocumentValueCollectionAware}),
     * without the server's parsing of the path when it names a field of the document itself, as nearly every
     * index key does: that parsing was the largest cost of keeping indexes on a write.
     */
    static Object valueAt(Document document, String path) {
        return path.indexOf('.') < 0 ? document.getOrMissing(path)
                : Utils.getSubdocumentValueCollectionAware(document, path);
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
        @SuppressWarnings("unchecked")
        default void buildSecondaryIndexes() {
            synchronized (this) {
                List<BuiltOnFirstUse<P>> pending = getIndexes().stream()
                        .filter(index -> index instanceof BuiltOnFirstUse<?> lazy && !lazy.isBuilt())
                        .map(index -> (BuiltOnFirstUse<P>) index)
                        .toList();
                if (pending.isEmpty()) {
                    return;
                }
                allDocuments().forEach(document -> pending.forEach(index -> index.include(document.getDocument(),
                        document.getPosition())));
                pending.forEach(BuiltOnFirstUse::markBuilt);
            }
        }
    }

    /**
     * An index that lives in memory and is built from its collection by one read when a query first needs it;
     * until then writes leave it alone, since the build sees their result.
     */
    interface BuiltOnFirstUse<P> {

        boolean isBuilt();

        /** Takes one document of the collection while the index is being built; the caller holds the collection. */
        void include(Document document, P position);

        /** From now on every write keeps the index current. */
        void markBuilt();
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
}
