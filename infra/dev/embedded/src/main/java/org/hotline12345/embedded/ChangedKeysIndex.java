package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Objects;

/**
 * A {@link SecondaryIndex} that hears of an update only when a value it indexes changed. The server tells every
 * index of every update, and a secondary index moves the document out of its maps and back in; most updates
 * (a status, a deadline, a line of history) touch one or two of a collection's many indexes.
 */
final class ChangedKeysIndex<P> extends Index<P>
        implements IndexAwareBackends.BuiltOnFirstUse<P> {

    private final SecondaryIndex<P> index;
    private final List<String> paths;

    ChangedKeysIndex(SecondaryIndex<P> index) {
        // sparse to the server, as the index it wraps: it never answers a removed document's position
        super(index.getName(), index.getKeys(), true);
        this.index = index;
        this.paths = index.getKeys().stream().map(IndexKey::getKey).toList();
    }

    @Override
    public boolean isBuilt() {
        return index.isBuilt();
    }

    @Override
    public void include(Document document, P position) {
        index.include(document, position);
    }

    @Override
    public void markBuilt() {
        index.markBuilt();
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (changes(oldDocument, newDocument)) {
            index.updateInPlace(oldDocument, newDocument, position, collection);
        }
    }

    private boolean changes(Document oldDocument, Document newDocument) {
        for (String path : paths) {
            if (!Objects.equals(IndexAwareBackends.valueAt(oldDocument, path),
                    IndexAwareBackends.valueAt(newDocument, path))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return index.hasSameOptions(other instanceof ChangedKeysIndex<?> changed ? changed.index : other);
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.getPositions(query);
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void drop() {
        index.drop();
    }
}
