package org.hotline12345.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A non-unique index of the file-backed server, answering the same queries as {@link SecondaryIndex} (the leading
 * key bounded by equality, {@code $in} or a range, the second one too after that) from one sorted set of
 * {@code (leading value, second value, record)} entries, as a B-tree index holds them. It keeps nothing else: the
 * entries a document had are found again from the document itself, so a removal needs no map from documents to
 * records (the collection tells the index of a removal with the stored document, see
 * {@link H2BsonCollection#removeDocument(Long)}), and an update that leaves the indexed values alone costs a
 * comparison. Built from the collection by one read when a query first needs it; writes before then are left to
 * that read. The documents found are still matched against the whole query.
 */
final class H2BsonSecondaryIndex extends Index<Long> implements IndexAwareBackends.BuiltOnFirstUse<Long> {

    private static final Set<String> BOUNDS = Set.of("$eq", "$in", "$gt", "$gte", "$lt", "$lte");
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();
    private static final int SHARED_STRINGS = 4096;

    private final String field;
    /** The second key, or null for an index of one key. */
    private final String secondField;
    private final boolean sparse;
    private final NavigableSet<Entry> entries = new TreeSet<>();
    private final Map<String, String> strings = new HashMap<>();
    private boolean built;

    H2BsonSecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        // Told the server it is sparse, so that it does not ask this index for a removed document's record.
        super(name, keys, true);
        this.field = keys.get(0).getKey();
        this.secondField = keys.size() > 1 ? keys.get(1).getKey() : null;
        this.sparse = sparse;
    }

    /** One document's place in the index. */
    private record Entry(Object first, Object second, long record) implements Comparable<Entry> {

        @Override
        public int compareTo(Entry other) {
            int byFirst = compareValues(first, other.first);
            if (byFirst != 0) {
                return byFirst;
            }
            int bySecond = compareValues(second, other.second);
            return bySecond != 0 ? bySecond : Long.compare(record, other.record);
        }
    }

    /** The server's order of values, without its look-up of type order for the common cases of one type. */
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == LOWEST || b == HIGHEST) {
            return -1;
        }
        if (a == HIGHEST || b == LOWEST) {
            return 1;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        return ValueComparator.asc().compare(a, b);
    }

    @Override
    public synchronized boolean isBuilt() {
        return built;
    }

    @Override
    public synchronized void include(Document document, Long record) {
        put(document, record);
    }

    @Override
    public synchronized void markBuilt() {
        built = true;
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return other instanceof H2BsonSecondaryIndex secondary && secondary.sparse == sparse
                && describe(secondary.getKeys()).equals(describe(getKeys()));
    }

    private static List<String> describe(List<IndexKey> keys) {
        return keys.stream().map(key -> key.getKey() + (key.isAscending() ? ":1" : ":-1")).toList();
    }

    @Override
    public boolean canHandle(Document query) {
        return bounds(query.get(field));
    }

    private static boolean bounds(Object condition) {
        if (condition == null) {
            return false;
        }
        if (condition instanceof Document operators) {
            return !operators.isEmpty() && operators.entrySet().stream().allMatch(op -> BOUNDS.contains(op.getKey())
                    && (op.getKey().equals("$in") ? op.getValue() instanceof Collection<?> values
                            && values.stream().allMatch(H2BsonSecondaryIndex::isScalar) : isScalar(op.getValue())));
        }
        return isScalar(condition);
    }

    private static boolean isScalar(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !(value instanceof Missing)
                && !value.getClass().getSimpleName().contains("RegularExpression");
    }

    @Override
    public synchronized Iterable<Long> getPositions(Document query) {
        Object second = secondField == null ? null : query.get(secondField);
        boolean boundsSecond = bounds(second);
        Set<Long> found = new LinkedHashSet<>();
        for (Entry[] range : ranges(query.get(field))) {
            if (range[0].compareTo(range[1]) > 0) {
                continue;
            }
            for (Entry entry : entries.subSet(range[0], true, range[1], true)) {
                if (!boundsSecond || within(entry.second, second)) {
                    found.add(entry.record);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * The ranges of entries whose leading value satisfies {@code condition}, a value or bounding operators, each
     * as its first and last entry: bounds that lie before or after every entry of their value, so that an
     * inclusive bound takes all of that value's entries and an exclusive one none.
     */
    private static List<Entry[]> ranges(Object condition) {
        if (!(condition instanceof Document operators)) {
            return List.<Entry[]>of(equalTo(condition));
        }
        if (operators.containsKey("$eq")) {
            return ranges(operators.get("$eq"));
        }
        if (operators.containsKey("$in")) {
            return ((Collection<?>) operators.get("$in")).stream().map(H2BsonSecondaryIndex::equalTo).toList();
        }
        Entry from = new Entry(LOWEST, LOWEST, Long.MIN_VALUE);
        Entry to = new Entry(HIGHEST, HIGHEST, Long.MAX_VALUE);
        if (operators.containsKey("$gte")) {
            from = new Entry(operators.get("$gte"), LOWEST, Long.MIN_VALUE);
        } else if (operators.containsKey("$gt")) {
            from = new Entry(operators.get("$gt"), HIGHEST, Long.MAX_VALUE);
        }
        if (operators.containsKey("$lte")) {
            to = new Entry(operators.get("$lte"), HIGHEST, Long.MAX_VALUE);
        } else if (operators.containsKey("$lt")) {
            to = new Entry(operators.get("$lt"), LOWEST, Long.MIN_VALUE);
        }
        return List.<Entry[]>of(new Entry[] {from, to});
    }

    private static Entry[] equalTo(Object value) {
        return new Entry[] {new Entry(value, LOWEST, Long.MIN_VALUE), new Entry(value, HIGHEST, Long.MAX_VALUE)};
    }

    /** Whether a second value satisfies {@code condition}, a value or bounding operators. */
    private static boolean within(Object value, Object condition) {
        if (!(condition instanceof Document operators)) {
            return compareValues(value, condition) == 0;
        }
        if (operators.containsKey("$eq")) {
            return within(value, operators.get("$eq"));
        }
        if (operators.containsKey("$in")) {
            return ((Collection<?>) operators.get("$in")).stream()
                    .anyMatch(option -> compareValues(value, option) == 0);
        }
        if (operators.containsKey("$gt") && compareValues(value, operators.get("$gt")) <= 0
                || operators.containsKey("$gte") && compareValues(value, operators.get("$gte")) < 0) {
            return false;
        }
        return !(operators.containsKey("$lt") && compareValues(value, operators.get("$lt")) >= 0
                || operators.containsKey("$lte") && compareValues(value, operators.get("$lte")) > 0);
    }

    @Override
    public Long getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Long> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, Long record, MongoCollection<Long> collection) {
        if (built) {
            put(document, record);
        }
    }

    /** Answers nothing: the collection calls {@link #forget} with the record once it knows it. */
    @Override
    public Long remove(Document document) {
        return null;
    }

    /** Takes out the entries of a removed document, as it was stored. */
    synchronized void forget(Document document, long record) {
        if (built) {
            Object second = second(document);
            for (Object first : leading(document)) {
                entries.remove(new Entry(first, second, record));
            }
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Long> collection) {
        // not unique: any change is allowed
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Long record,
            MongoCollection<Long> collection) {
        if (!built) {
            return;
        }
        List<Object> oldLeading = leading(oldDocument);
        List<Object> newLeading = leading(newDocument);
        Object oldSecond = second(oldDocument);
        Object newSecond = second(newDocument);
        if (oldLeading.equals(newLeading) && Objects.equals(oldSecond, newSecond)) {
            return;
        }
        for (Object first : oldLeading) {
            entries.remove(new Entry(first, oldSecond, record));
        }
        for (Object first : newLeading) {
            entries.add(new Entry(shared(first), newSecond, record));
        }
    }

    @Override
    public synchronized long getCount() {
        // never "empty", so that the server does not read the collection to fill it when it is created
        return built ? entries.size() + 1 : 1;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        strings.clear();
    }

    private void put(Document document, long record) {
        Object second = second(document);
        for (Object first : leading(document)) {
            entries.add(new Entry(shared(first), second, record));
        }
    }

    /**
     * The leading values of {@code document}: an array's scalar elements, or its one scalar value. A document
     * without a scalar leading value is not found through the index: no query it serves matches it.
     */
    private List<Object> leading(Document document) {
        Object value = IndexAwareBackends.valueAt(document, field);
        if (value instanceof Collection<?> elements) {
            List<Object> scalars = new ArrayList<>(elements.size());
            for (Object element : elements) {
                if (isScalar(element)) {
                    scalars.add(asStored(element));
                }
            }
            return scalars;
        }
        return isScalar(value) ? List.of(asStored(value)) : List.of();
    }

    /** The second key's value as the index orders it: missing, null and arrays all sort first, as null. */
    private Object second(Document document) {
        if (secondField == null) {
            return null;
        }
        Object value = IndexAwareBackends.valueAt(document, secondField);
        return isScalar(value) ? asStored(value) : null;
    }

    /**
     * A value as it reads back from the store: BSON keeps dates to the millisecond, and a removal or an update
     * finds a document's entries by the values read back.
     */
    private static Object asStored(Object value) {
        return value instanceof Instant instant && instant.getNano() % 1_000_000 != 0
                ? Instant.ofEpochMilli(instant.toEpochMilli()) : value;
    }

    /**
     * One instance of each leading string, so that the many entries of a status or a unit share it instead of each
     * keeping the copy its document was read with; up to {@link #SHARED_STRINGS} of them, enough for the keys that
     * repeat, while a key of mostly distinct values (a caller, an instant) is kept as it comes.
     */
    private Object shared(Object first) {
        if (!(first instanceof String text)) {
            return first;
        }
        String known = strings.get(text);
        if (known != null) {
            return known;
        }
        if (strings.size() < SHARED_STRINGS) {
            strings.put(text, text);
        }
        return text;
    }
}
