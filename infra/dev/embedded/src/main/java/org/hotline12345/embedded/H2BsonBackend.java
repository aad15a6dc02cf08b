package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;

/**
 * The wire server's backend on an H2 MVStore file, in place of the stock H2 backend: documents stored as BSON by a
 * record number, unique indexes as maps from the BSON bytes of a key to that number, and the index-aware queries
 * of {@link IndexAwareBackends}. A file the stock backend wrote is moved into this layout when it is opened.
 */
final class H2BsonBackend extends AbstractMongoBackend {

    static final String DOCUMENTS = "bson.documents.";
    static final String META = "bson.meta.";
    static final String INDEX = "bson.index.";
    static final String INDEX_SEPARATOR = "._index_";
    static final String DATA_SIZE = "dataSize";

    private static final String STOCK_DOCUMENTS = "databases.";
    private static final String STOCK_META = "meta.";

    private final MVStore store;

    H2BsonBackend(MVStore store) {
        this.store = store;
        moveStockLayout(store);
        store.getMapNames().stream()
                .filter(name -> name.startsWith(DOCUMENTS))
                .map(name -> Utils.firstFragment(name.substring(DOCUMENTS.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2BsonDatabase(databaseName, store, getCursorRegistry());
    }

    @Override
    public void close() {
        super.close();
        store.close();
    }

    static MVMap<Long, byte[]> documents(MVStore store, String namespace) {
        return store.openMap(DOCUMENTS + namespace, new MVMap.Builder<Long, byte[]>()
                .keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    }

    static MVMap<String, Object> meta(MVStore store, String namespace) {
        return store.openMap(META + namespace);
    }

    static String indexMapName(String namespace, String indexName) {
        return INDEX + namespace + INDEX_SEPARATOR + indexName;
    }

    static MVMap<byte[], Long> index(MVStore store, String namespace, String indexName) {
        return store.openMap(indexMapName(namespace, indexName), new MVMap.Builder<byte[], Long>()
                .keyType(ByteArrayDataType.INSTANCE).valueType(LongDataType.INSTANCE));
    }

    /**
     * Rewrites the collections of a file written by the stock H2 backend (Java-serialised documents by {@code _id})
     * into this layout, so that an existing dev stack keeps its data. Its unique indexes are dropped: each is built
     * again from the documents when its database opens, as an empty index is. A collection still in the stock
     * layout is rewritten whole, so a move cut short is done again at the next start.
     */
    static void moveStockLayout(MVStore store) {
        List<String> stock = store.getMapNames().stream().filter(name -> name.startsWith(STOCK_DOCUMENTS)).toList();
        if (stock.isEmpty()) {
            return;
        }
        for (String name : stock) {
            String namespace = name.substring(STOCK_DOCUMENTS.length());
            MVMap<Object, Document> old = store.openMap(name);
            MVMap<Long, byte[]> documents = documents(store, namespace);
            documents.clear();
            long record = 0;
            long size = 0;
            for (Document document : old.values()) {
                byte[] bytes = StoredBson.encode(document);
                documents.put(++record, bytes);
                size += bytes.length;
            }
            meta(store, namespace).put(DATA_SIZE, size);
            store.removeMap(old);
            if (store.hasMap(STOCK_META + namespace)) {
                store.removeMap(STOCK_META + namespace);
            }
        }
        store.getMapNames().stream()
                .filter(name -> name.contains(INDEX_SEPARATOR) && !name.startsWith(INDEX))
                .toList()
                .forEach(store::removeMap);
        store.commit();
    }
}
