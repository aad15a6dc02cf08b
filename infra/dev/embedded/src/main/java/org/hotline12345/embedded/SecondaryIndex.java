package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A non-unique index for the wire server, which otherwise accepts such indexes and ignores them: the positions of
 * the documents by the values of the index's first two keys, so that a query bounding the leading key (equality,
 * {@code $in}, a range), and the second one after an equality on the first, reads only those documents, as MongoDB
 * reads an index's bounds. The documents found are still matched against the whole query. The index lives in memory and is built from the collection by one read, when a query
 * first needs it; until then writes leave it alone, since the build sees their result.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final Set<String> BOUNDS = Set.of("$eq", "$in", "$gt", "$gte", "$lt", "$lte");

    private final String field;
    /** The second key, or null for an index of one key. */
    private final String secondField;
    private final boolean sparse;
    private final NavigableMap<Object, NavigableMap<Object, Set<P>>> byValue = new TreeMap<>(ValueComparator.asc());
    private final Map<Object, P> positionById = new HashMap<>();
    private final Map<P, List<List<Object>>> valuesByPosition = new HashMap<>();
    private boolean built;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        // Told the server it is sparse, so that it never asks this index for a removed document's position.
        super(name, keys, true);
        this.field = keys.get(0).getKey();
        this.secondField = keys.size() > 1 ? keys.get(1).getKey() : null;
        this.sparse = sparse;
    }

    boolean isBuilt() {
        return built;
    }

    /** Takes one document of the collection while the index is being built; the caller holds the collection. */
    synchronized void include(Document document, P position) {
        put(document, position);
    }

    /** From now on every write keeps the index current. */
    synchronized void markBuilt() {
        built = true;
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return other instanceof SecondaryIndex<?> secondary && secondary.sparse == sparse
                && describe(secondary.getKeys()).equals(describe(getKeys()));
    }

    private static List<String> describe(List<IndexKey> keys) {
        return keys.stream().map(key -> key.getKey() + (key.isAscending() ? ":1" : ":-1")).toList();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return bounds(query.get(field));
    }

    private static boolean bounds(Object condition) {
        if (condition == null) {
            return false;
        }
        if (condition instanceof Document operators) {
            return !operators.isEmpty() && operators.entrySet().stream().allMatch(op -> BOUNDS.contains(op.getKey())
                    && (op.getKey().equals("$in") ? op.getValue() instanceof Collection<?> values
                            && values.stream().allMatch(SecondaryIndex::isScalar) : isScalar(op.getValue())));
        }
        return isScalar(condition);
    }

    private static boolean isScalar(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !(value instanceof Missing)
                && !value.getClass().getSimpleName().contains("RegularExpression");
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Object second = secondField == null ? null : query.get(secondField);
        boolean boundsSecond = bounds(second);
        Set<P> found = new LinkedHashSet<>();
        for (NavigableMap<Object, Set<P>> seconds : within(byValue, query.get(field))) {
            for (Set<P> positions : boundsSecond ? within(seconds, second) : seconds.values()) {
                found.addAll(positions);
            }
        }
        return new ArrayList<>(found);
    }

    /** The entries of {@code map} whose key satisfies {@code condition}, a value or bounding operators. */
    private static <V> Collection<V> within(NavigableMap<Object, V> map, Object condition) {
        if (!(condition instanceof Document operators)) {
            return single(map, condition);
        }
        if (operators.containsKey("$eq")) {
            return single(map, operators.get("$eq"));
        }
        if (operators.containsKey("$in")) {
            List<V> found = new ArrayList<>();
            for (Object value : (Collection<?>) operators.get("$in")) {
                found.addAll(single(map, value));
            }
            return found;
        }
        NavigableMap<Object, V> range = map;
        if (operators.containsKey("$gt") || operators.containsKey("$gte")) {
            boolean inclusive = operators.containsKey("$gte");
            range = range.tailMap(operators.get(inclusive ? "$gte" : "$gt"), inclusive);
        }
        if (operators.containsKey("$lt") || operators.containsKey("$lte")) {
            boolean inclusive = operators.containsKey("$lte");
            range = range.headMap(operators.get(inclusive ? "$lte" : "$lt"), inclusive);
        }
        return range.values();
    }

    private static <V> Collection<V> single(NavigableMap<Object, V> map, Object key) {
        V value = map.get(key);
        return value == null ? List.of() : List.of(value);
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (built) {
            put(document, position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        if (built) {
            P position = positionById.remove(idKey(document.get("_id")));
            if (position != null) {
                forget(position);
            }
        }
        return null;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any change is allowed
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (built) {
            forget(position);
            put(newDocument, position);
        }
    }

    @Override
    public synchronized long getCount() {
        // never "empty", so that the server does not read the collection to fill it when it is created
        return built ? positionById.size() + 1 : 1;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        byValue.clear();
        positionById.clear();
        valuesByPosition.clear();
    }

    private void put(Document document, P position) {
        positionById.put(idKey(document.get("_id")), position);
        // a document without a scalar leading value is not found through the index: no query it serves matches it
        Object second = secondField == null ? Boolean.TRUE : scalarOrNull(document, secondField);
        List<List<Object>> entries = new ArrayList<>();
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        List<Object> leading = value instanceof Collection<?> elements
                ? elements.stream().filter(SecondaryIndex::isScalar).map(Object.class::cast).toList()
                : isScalar(value) ? List.of(value) : List.of();
        for (Object first : leading) {
            entries.add(java.util.Arrays.asList(first, second));
            byValue.computeIfAbsent(first, ignored -> new TreeMap<>(ValueComparator.asc()))
                    .computeIfAbsent(second, ignored -> new LinkedHashSet<>()).add(position);
        }
        valuesByPosition.put(position, entries);
    }

    /** The value of a second key as the index orders it: missing, null and arrays all sort first, as null. */
    private static Object scalarOrNull(Document document, String key) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, key);
        return isScalar(value) ? value : null;
    }

    /** Ids as the server compares them: numbers by value, whatever their type. */
    private static Object idKey(Object id) {
        return id instanceof Number number ? (Object) number.doubleValue() : id;
    }

    private void forget(P position) {
        List<List<Object>> entries = valuesByPosition.remove(position);
        if (entries == null) {
            return;
        }
        for (List<Object> entry : entries) {
            NavigableMap<Object, Set<P>> seconds = byValue.get(entry.get(0));
            Set<P> positions = seconds == null ? null : seconds.get(entry.get(1));
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    seconds.remove(entry.get(1));
                    if (seconds.isEmpty()) {
                        byValue.remove(entry.get(0));
                    }
                }
            }
        }
    }
}
