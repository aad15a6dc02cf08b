package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/** A database of {@link H2BsonBackend}: its collections' documents, meta data and unique indexes as MVStore maps. */
final class H2BsonDatabase extends AbstractSynchronizedMongoDatabase<Long> {

    private final MVStore store;

    H2BsonDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, cursors);
        this.store = store;
        initializeNamespacesAndIndexes();
    }

    @Override
    protected MongoCollection<Long> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        return new H2BsonCollection(this, collectionName, options, H2BsonBackend.documents(store, namespace),
                H2BsonBackend.meta(store, namespace), cursorRegistry);
    }

    @Override
    protected Index<Long> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new H2BsonUniqueIndex(H2BsonBackend.index(store, getFullCollectionNamespace(collectionName),
                indexName), indexName, keys, sparse);
    }

    @Override
    protected Index<Long> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new H2BsonSecondaryIndex(indexName, keys, sparse);
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        Document answer = IndexAwareBackends.aggregateFromIndexes(this, command, query, resolver, oplog);
        return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
    }

    @Override
    protected void dropIndex(MongoCollection<Long> collection, String indexName) {
        super.dropIndex(collection, indexName);
        removeMap(H2BsonBackend.indexMapName(collection.getFullName(), indexName));
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        removeMap(H2BsonBackend.DOCUMENTS + namespace);
        removeMap(H2BsonBackend.META + namespace);
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        String namespace = getFullCollectionNamespace("");
        store.getMapNames().stream()
                .filter(name -> name.startsWith(H2BsonBackend.DOCUMENTS + namespace)
                        || name.startsWith(H2BsonBackend.META + namespace)
                        || name.startsWith(H2BsonBackend.INDEX + namespace))
                .toList()
                .forEach(store::removeMap);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldNamespace = collection.getFullName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String newNamespace = collection.getFullName();
        store.renameMap(H2BsonBackend.documents(store, oldNamespace), H2BsonBackend.DOCUMENTS + newNamespace);
        store.renameMap(H2BsonBackend.meta(store, oldNamespace), H2BsonBackend.META + newNamespace);
        String oldIndexes = H2BsonBackend.indexMapName(oldNamespace, "");
        store.getMapNames().stream()
                .filter(name -> name.startsWith(oldIndexes))
                .map(name -> name.substring(oldIndexes.length()))
                .toList()
                .forEach(index -> store.renameMap(H2BsonBackend.index(store, oldNamespace, index),
                        H2BsonBackend.indexMapName(newNamespace, index)));
    }

    private void removeMap(String name) {
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> file = store.getFileStore();
        return file != null ? file.size() : 0;
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }
}
