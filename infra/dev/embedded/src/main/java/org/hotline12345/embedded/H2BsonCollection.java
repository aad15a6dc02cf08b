package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A collection of the file-backed server: its documents as BSON by a record number given in insertion order, as
 * MongoDB keeps them, so that a document is found through an index by a number and a scan reads in natural order.
 * Every unique index, {@code _id}'s among them, maps its keys to that number.
 */
final class H2BsonCollection extends AbstractSynchronizedMongoCollection<Long>
        implements IndexAwareBackends.IndexedCollection<Long> {

    private final MVMap<Long, byte[]> documents;
    private final MVMap<String, Object> meta;
    private final AtomicLong lastRecord;
    private final AtomicLong dataSize;

    H2BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Long, byte[]> documents,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.documents = documents;
        this.meta = meta;
        Long last = documents.lastKey();
        this.lastRecord = new AtomicLong(last == null ? 0 : last);
        this.dataSize = new AtomicLong(meta.get(H2BsonBackend.DATA_SIZE) instanceof Number size ? size.longValue() : 0);
    }

    /** The size is kept here from the stored bytes, instead of by the server encoding each document again. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        meta.put(H2BsonBackend.DATA_SIZE, dataSize.addAndGet(sizeDelta));
    }

    @Override
    protected int getDataSize() {
        return (int) Math.min(Integer.MAX_VALUE, dataSize.get());
    }

    @Override
    protected Long addDocumentInternal(Document document) {
        byte[] bytes = StoredBson.encode(document);
        Long record = lastRecord.incrementAndGet();
        documents.put(record, bytes);
        updateDataSize(bytes.length);
        return record;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Long record) {
        byte[] bytes = documents.get(record);
        if (bytes == null) {
            throw new NoSuchElementException("No document with record " + record + " in " + this);
        }
        return StoredBson.decode(bytes);
    }

    /** Removes a document the indexes have let go of, and takes it out of the secondary indexes by its record. */
    @Override
    protected void removeDocument(Long record) {
        byte[] removed = documents.remove(record);
        if (removed == null) {
            throw new NoSuchElementException("No document with record " + record + " in " + this);
        }
        updateDataSize(-removed.length);
        Document document = null;
        for (Index<Long> index : getIndexes()) {
            if (index instanceof H2BsonSecondaryIndex secondary) {
                document = document != null ? document : StoredBson.decode(removed);
                secondary.forget(document, record);
            }
        }
    }

    @Override
    protected void handleUpdate(Long record, Document oldDocument, Document newDocument) {
        byte[] bytes = StoredBson.encode(newDocument);
        byte[] previous = documents.put(record, bytes);
        updateDataSize(bytes.length - (previous == null ? 0 : previous.length));
    }

    @Override
    protected Stream<DocumentWithPosition<Long>> streamAllDocumentsWithPosition() {
        return everyDocument(false).stream()
                .map(stored -> new DocumentWithPosition<>(StoredBson.decode(stored.bytes()), stored.record()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        Stream<Document> stream = everyDocument(isNaturalDescending(orderBy)).stream()
                .map(stored -> StoredBson.decode(stored.bytes()));
        return matchDocumentsFromStream(stream, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    private record Stored(long record, byte[] bytes) {
    }

    /**
     * Every document as stored, in record order, read in one go while the store is told to keep that version.
     * The store frees the file space of pages a few commits after they were replaced, and a cursor does not
     * hold its version: one that reads for long while the writer commits and compacts meets a chunk that is gone.
     */
    private List<Stored> everyDocument(boolean descending) {
        MVStore store = documents.getStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            List<Stored> all = new ArrayList<>(documents.size());
            Cursor<Long, byte[]> cursor = documents.cursor(null, null, descending);
            while (cursor.hasNext()) {
                all.add(new Stored(cursor.next(), cursor.getValue()));
            }
            return all;
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        return IndexAwareBackends.query(this, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    public Stream<DocumentWithPosition<Long>> allDocuments() {
        return streamAllDocumentsWithPosition();
    }

    @Override
    public QueryResult matchFrom(Document query, Iterable<Long> records, Document orderBy, int skip, int limit,
            int batchSize, Document fieldSelector) {
        return matchDocuments(query, records, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    public QueryResult queryAsServer(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
    }
}
