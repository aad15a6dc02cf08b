package org.hotline12345.embedded.indexaudit;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Decides whether a filter can be answered from an index rather than by reading the collection: some index's
 * leading key must be bounded by the filter (equality, a range, {@code $in}), a partial index's filter keys must be
 * bounded too, and each branch of an {@code $or} must be served on its own. Conditions that no index bounds
 * ({@code $ne}, {@code $nin}, {@code $not}, {@code $exists}) do not count. {@code $exists:true} does not either:
 * MongoDB answers it from a sparse index, but the dev stack's wire server serves only equality, {@code $in} and
 * ranges from an index and reads the whole collection for it, so a query must say {@code $gte} instead. A query
 * sorted by an index's leading key is served too: it reads in index order and stops at its limit.
 */
public final class IndexedFilters {

    private static final Set<String> UNBOUNDING = Set.of("$ne", "$nin", "$not", "$exists", "$size", "$where",
            "$expr", "$regex", "$elemMatch", "$type", "$mod");

    private IndexedFilters() {
    }

    /**
     * True when {@code filter}, sorted by {@code sort} (may be empty), reads only what one of {@code indexes}
     * (key documents, with a partial filter where the index has one) points at.
     */
    public static boolean served(BsonDocument filter, BsonDocument sort, List<IndexSpec> indexes) {
        // A sort by an index's leading key reads in index order and stops at the limit.
        if (!sort.isEmpty() && indexes.stream().anyMatch(index -> index.leadingKey().equals(sort.getFirstKey()))) {
            return true;
        }
        if (filter.isEmpty()) {
            return false;
        }
        Set<String> bounded = boundedFields(filter, false);
        BsonValue or = filter.get("$or");
        if (or != null && !servedByAny(bounded, indexes)) {
            for (BsonValue branch : or.asArray()) {
                BsonDocument combined = branch.asDocument().clone();
                filter.forEach((key, value) -> {
                    if (!key.equals("$or")) {
                        combined.put(key, value);
                    }
                });
                if (!served(combined, new BsonDocument(), indexes)) {
                    return false;
                }
            }
            return true;
        }
        return servedByAny(bounded, indexes);
    }

    private static boolean servedByAny(Set<String> bounded, List<IndexSpec> indexes) {
        return indexes.stream().anyMatch(index -> bounded.contains(index.leadingKey())
                && bounded.containsAll(index.partialKeys()));
    }

    /**
     * The fields a filter bounds, looking into {@code $and}; {@code $exists:true} counts only when
     * {@code existsBounds} (a partial index's filter names the documents it holds that way).
     */
    static Set<String> boundedFields(BsonDocument filter, boolean existsBounds) {
        Set<String> fields = new HashSet<>();
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            if (key.equals("$and")) {
                for (BsonValue part : entry.getValue().asArray()) {
                    fields.addAll(boundedFields(part.asDocument(), existsBounds));
                }
            } else if (!key.startsWith("$") && bounds(entry.getValue(), existsBounds)) {
                fields.add(key);
            }
        }
        return fields;
    }

    private static boolean bounds(BsonValue condition, boolean existsBounds) {
        if (!condition.isDocument() || condition.asDocument().isEmpty()
                || !condition.asDocument().getFirstKey().startsWith("$")) {
            return !condition.isNull();
        }
        BsonDocument operators = condition.asDocument();
        if (existsBounds && operators.containsKey("$exists") && operators.get("$exists").asBoolean().getValue()) {
            return true;
        }
        if (operators.containsKey("$in")) {
            BsonArray values = operators.getArray("$in");
            return values.stream().noneMatch(BsonValue::isNull);
        }
        return operators.keySet().stream().anyMatch(op -> !UNBOUNDING.contains(op));
    }

    /** One index as the service declared it: its keys in order and the fields its partial filter names. */
    public record IndexSpec(String name, List<String> keys, Set<String> partialKeys) {

        public String leadingKey() {
            return keys.get(0);
        }

        static IndexSpec of(BsonDocument created) {
            List<String> keys = List.copyOf(created.getDocument("key").keySet());
            Set<String> partial = created.containsKey("partialFilterExpression")
                    ? boundedFields(created.getDocument("partialFilterExpression"), true) : Set.of();
            return new IndexSpec(created.getString("name").getValue(), keys, partial);
        }

        static final IndexSpec ID = new IndexSpec("_id_", List.of("_id"), Set.of());
    }
}
