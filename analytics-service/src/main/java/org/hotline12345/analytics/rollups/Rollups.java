package org.hotline12345.analytics.rollups;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.tables.Period;

/**
 * How facts are counted into rollups. Pure, so that the refresh and the scale check count the same way.
 * A rollup holds, for one period (a day, ISO week or month) and one {@link Dimension}, the {@link Counter counts}
 * of every group: {@code {_id: "month|2026-11|unit", groups: [{g: "URBAN_MGMT", n: [12 counts]}]}}. A year is
 * then a few thousand documents, whatever the number of tickets, and a question reads them by id.
 */
public final class Rollups {

    public static final String COLLECTION = "rollups";
    /** The fact fields the counters and dimensions read. */
    public static final String[] FACT_FIELDS = {Fields.RECEIVED_DAY, Fields.RECEIVED_HOUR, Fields.UNIT_ID,
        Fields.GRID_ID, Fields.DISTRICT, Fields.CATEGORY, Fields.ASSIGNED, Fields.ACCEPTED_ON_TIME, Fields.RATED,
        Fields.SOLVED, Fields.SATISFIED, Fields.RESOLVED_AT_INTAKE, Fields.ACCEPTED_AT, Fields.RESOLVED_AT,
        Fields.CLOSED, Fields.RETURNS, Fields.ESCALATIONS};
    private static final int COUNTERS = Counter.values().length;

    private Rollups() {
    }

    /** The counts of one day's facts, by {@link #key(Dimension, String)} of dimension and group. */
    public static Map<String, long[]> count(Iterable<Fact> facts) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Fact fact : facts) {
            long[] contribution = new long[COUNTERS];
            for (Counter counter : Counter.values()) {
                contribution[counter.ordinal()] = counter.of(fact);
            }
            for (Dimension dimension : Dimension.values()) {
                String group = dimension.groupOf(fact);
                if (group != null) {
                    add(counts.computeIfAbsent(key(dimension, group), k -> new long[COUNTERS]), contribution);
                }
            }
        }
        return counts;
    }

    /** Adds {@code counts} into {@code into}, counter by counter. */
    public static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length && i < counts.length; i++) {
            into[i] += counts[i];
        }
    }

    /** Empty counts, one per counter. */
    public static long[] zero() {
        return new long[COUNTERS];
    }

    public static String key(Dimension dimension, String group) {
        return dimension.key() + "|" + group;
    }

    /** The id of the rollup of one period and dimension, {@code month|2026-11|unit}. */
    public static String id(Period period, String periodKey, Dimension dimension) {
        return period.key() + "|" + periodKey + "|" + dimension.key();
    }

    /**
     * The rollup documents of one period from the counts of {@link #count(Iterable)} or of sums of such counts: one
     * per dimension, also for a dimension without groups, so that a recount clears what an earlier count held.
     */
    public static List<Document> documents(Period period, String periodKey, Map<String, long[]> counts) {
        Map<String, List<Document>> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            byDimension.put(dimension.key(), new ArrayList<>());
        }
        counts.forEach((key, values) -> {
            int bar = key.indexOf('|');
            List<Long> numbers = new ArrayList<>(values.length);
            for (long value : values) {
                numbers.add(value);
            }
            byDimension.get(key.substring(0, bar)).add(new Document("g", key.substring(bar + 1)).append("n", numbers));
        });
        List<Document> documents = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            documents.add(new Document("_id", id(period, periodKey, dimension)).append("period", period.key())
                    .append("key", periodKey).append("dimension", dimension.key())
                    .append("groups", byDimension.get(dimension.key())));
        }
        return documents;
    }

    /** The counts of each group of a rollup document, by group. */
    public static Map<String, long[]> counts(Document rollup) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Document group : rollup.getList("groups", Document.class)) {
            List<?> numbers = group.getList("n", Object.class);
            long[] values = new long[COUNTERS];
            for (int i = 0; i < values.length && i < numbers.size(); i++) {
                values[i] = ((Number) numbers.get(i)).longValue();
            }
            counts.put(group.getString("g"), values);
        }
        return counts;
    }
}
