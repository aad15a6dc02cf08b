package org.hotline12345.analytics.rollups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.analytics.facts.FactUpdates;

/**
 * How facts are counted into rollups. Pure, so that the refresh and the load generator count the same way.
 * A rollup holds, for one period (a day, ISO week or month) and one dimension (unit, grid, district, category or
 * city), the counts of every group: {@code {_id: "month|2026-11|unit", groups: [{g: "URBAN_MGMT", n: [6 counts]}]}}.
 * A year is then about two thousand documents, whatever the number of tickets, and a query reads them by id.
 */
public final class Rollups {

    public static final String COLLECTION = "rollups";
    /** What rollups group by, and the fact field holding it; the city is the one group {@code ALL}. */
    public static final Map<String, String> DIMENSIONS = orderedMap("city", null, "unit", "unitId", "grid",
            "gridId", "district", "district", "category", "category");
    public static final String CITY = "ALL";
    /** The counts of a rollup, in the order of a counts array. */
    public static final List<String> COUNTS = List.of("received", "assigned", "acceptedOnTime", "rated", "solved",
            "satisfied");
    /** The fact fields a rollup reads. */
    public static final List<String> FACT_FIELDS = List.of("receivedDay", "unitId", "gridId", "district",
            "category", "assigned", "acceptedOnTime", "rated", "solved", "satisfied");

    private Rollups() {
    }

    /** The counts of one day's facts, by {@link #key(String, String)} of dimension and group. */
    public static Map<String, long[]> count(Iterable<Document> facts) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Document fact : facts) {
            long[] contribution = {1, flag(fact, "assigned"), flag(fact, "acceptedOnTime"), flag(fact, "rated"),
                    flag(fact, "solved"), flag(fact, "satisfied")};
            DIMENSIONS.forEach((dimension, field) -> {
                Object group = field == null ? CITY : fact.get(field);
                if (group != null) {
                    add(counts.computeIfAbsent(key(dimension, group.toString()), k -> new long[COUNTS.size()]),
                            contribution);
                }
            });
        }
        return counts;
    }

    static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }

    public static String key(String dimension, String group) {
        return dimension + "|" + group;
    }

    /** The id of the rollup of a period ({@code day}, {@code week} or {@code month}) and a dimension. */
    public static String id(String period, String periodKey, String dimension) {
        return period + "|" + periodKey + "|" + dimension;
    }

    /**
     * The rollup documents of one period from the counts of {@link #count(Iterable)} or of sums of such counts: one
     * per dimension, also for a dimension without groups, so that a recount clears what an earlier count held.
     */
    public static List<Document> documents(String period, String periodKey, Map<String, long[]> counts) {
        Map<String, List<Document>> byDimension = new LinkedHashMap<>();
        DIMENSIONS.keySet().forEach(dimension -> byDimension.put(dimension, new ArrayList<>()));
        counts.forEach((key, values) -> {
            int bar = key.indexOf('|');
            List<Long> numbers = new ArrayList<>(values.length);
            for (long value : values) {
                numbers.add(value);
            }
            byDimension.get(key.substring(0, bar)).add(new Document("g", key.substring(bar + 1)).append("n", numbers));
        });
        List<Document> documents = new ArrayList<>();
        byDimension.forEach((dimension, groups) -> documents.add(new Document("_id", id(period, periodKey, dimension))
                .append("period", period).append("key", periodKey).append("dimension", dimension)
                .append("groups", groups)));
        return documents;
    }

    /** The counts of each group of a rollup document, by {@link #key(String, String)}. */
    public static Map<String, long[]> counts(Document rollup) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        String dimension = rollup.getString("dimension");
        for (Document group : rollup.getList("groups", Document.class)) {
            List<?> numbers = group.getList("n", Object.class);
            long[] values = new long[COUNTS.size()];
            for (int i = 0; i < values.length && i < numbers.size(); i++) {
                values[i] = ((Number) numbers.get(i)).longValue();
            }
            counts.put(key(dimension, group.getString("g")), values);
        }
        return counts;
    }

    public static String week(LocalDate day) {
        return FactUpdates.week(day);
    }

    public static String month(LocalDate day) {
        return day.toString().substring(0, 7);
    }

    private static long flag(Document fact, String field) {
        return Boolean.TRUE.equals(fact.get(field)) ? 1 : 0;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
