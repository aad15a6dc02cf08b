package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map.Entry;
import java.util.Objects;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index of the file-backed server: the BSON bytes of each key to the record number of its document. A
 * document whose key values are plain (fields of the document itself, none an array, as an {@code _id} always is)
 * is checked, added, found and removed with one look-up each, and an update that leaves its key alone costs a
 * comparison; others take the server's general path, which reads and normalises every key several times a write.
 */
final class H2BsonUniqueIndex extends AbstractUniqueIndex<Long> {

    private final MVMap<byte[], Long> records;
    private final List<String> paths;
    private final boolean plainPaths;

    H2BsonUniqueIndex(MVMap<byte[], Long> records, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.records = records;
        this.paths = keys.stream().map(IndexKey::getKey).toList();
        this.plainPaths = paths.stream().noneMatch(path -> path.contains("."));
    }

    /** The values of the key in {@code document}, or null when they are not plain. */
    private List<Object> plainValues(Document document) {
        if (!plainPaths) {
            return null;
        }
        List<Object> values = new ArrayList<>(paths.size());
        for (String path : paths) {
            Object value = document.get(path);
            if (value instanceof Collection<?>) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** A sparse index leaves out a document that has none of its fields. */
    private boolean leavesOut(Document document) {
        return isSparse() && paths.stream().noneMatch(document::containsKey);
    }

    private static byte[] normalised(List<Object> values) {
        return StoredBson.key(new KeyValue(values).normalized());
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Long> collection) {
        List<Object> values = plainValues(document);
        if (values == null) {
            super.checkAdd(document, collection);
        } else if (!leavesOut(document) && records.containsKey(normalised(values))) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(values));
        }
    }

    /** Adds a document {@link #checkAdd} has let through, without checking it again. */
    @Override
    public synchronized void add(Document document, Long record, MongoCollection<Long> collection) {
        List<Object> values = plainValues(document);
        if (values == null) {
            super.add(document, record, collection);
        } else if (!leavesOut(document) && records.putIfAbsent(normalised(values), record) != null) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(values));
        }
    }

    @Override
    public Long getPosition(Document document) {
        List<Object> values = plainValues(document);
        return values == null ? super.getPosition(document) : records.get(normalised(values));
    }

    @Override
    public synchronized Long remove(Document document) {
        List<Object> values = plainValues(document);
        if (values == null) {
            return super.remove(document);
        }
        return leavesOut(document) ? null : records.remove(normalised(values));
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument,
            MongoCollection<Long> collection) {
        if (!keepsKey(oldDocument, newDocument)) {
            super.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Long record,
            MongoCollection<Long> collection) {
        if (!keepsKey(oldDocument, newDocument)) {
            super.updateInPlace(oldDocument, newDocument, record, collection);
        }
    }

    private boolean keepsKey(Document oldDocument, Document newDocument) {
        for (String path : paths) {
            if (!Objects.equals(IndexAwareBackends.valueAt(oldDocument, path),
                    IndexAwareBackends.valueAt(newDocument, path))) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Long removeDocument(KeyValue key) {
        return records.remove(StoredBson.key(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Long record) {
        return records.putIfAbsent(StoredBson.key(key), record) == null;
    }

    /** Every key, read in one go while the store keeps that version (see {@link H2BsonCollection}). */
    @Override
    protected Iterable<Entry<KeyValue, Long>> getIterable() {
        MVStore store = records.getStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            List<Entry<KeyValue, Long>> all = new ArrayList<>();
            Cursor<byte[], Long> cursor = records.cursor(null, null, false);
            while (cursor.hasNext()) {
                all.add(new SimpleImmutableEntry<>(StoredBson.keyValue(cursor.next()), cursor.getValue()));
            }
            return all;
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    @Override
    protected Long getPosition(KeyValue key) {
        return records.get(StoredBson.key(key));
    }

    @Override
    public long getCount() {
        return records.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return records.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
