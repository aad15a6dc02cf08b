package org.hotline12345.analytics.rollups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.tables.Period;

/**
 * How facts are counted into rollups. Pure, so that the refresh, the recount and the scale check count the same
 * way. A rollup holds, for one period (a day, ISO week or month) and one {@link Dimension}, the
 * {@link Counter counts} of every group: {@code {_id: "month|2026-11|unit", groups: [{g: "URBAN_MGMT", n: [12
 * counts]}]}}. A year is then a few thousand documents, whatever the number of tickets, and a question reads them
 * by id.
 */
public final class Rollups {

    public static final String COLLECTION = "rollups";
    private static final int COUNTERS = Counter.values().length;

    private Rollups() {
    }

    /** The counts of one day's facts, by {@link #key(Dimension, String)} of dimension and group. */
    public static Map<String, long[]> count(Iterable<Fact> facts) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Fact fact : facts) {
            long[] contribution = contribution(fact, null, null);
            for (Dimension dimension : Dimension.values()) {
                for (String group : dimension.groupsOf(fact)) {
                    add(counts.computeIfAbsent(key(dimension, group), k -> new long[COUNTERS]),
                            dimension.countsPerUnit() ? contribution(fact, dimension, group) : contribution);
                }
            }
        }
        return counts;
    }

    /**
     * What one fact adds to the rollups: by rollup id, the counts of the fact's group there. A fact counts in the
     * day, ISO week and month it was received, in each dimension it has a group in; before it is received, nowhere.
     */
    public static Map<String, Map<String, long[]>> share(Fact fact) {
        Map<String, Map<String, long[]>> share = new LinkedHashMap<>();
        if (fact.receivedDay() == null) {
            return share;
        }
        LocalDate day = LocalDate.parse(fact.receivedDay());
        long[] contribution = contribution(fact, null, null);
        for (Period period : Period.values()) {
            for (Dimension dimension : Dimension.values()) {
                for (String group : dimension.groupsOf(fact)) {
                    share.computeIfAbsent(id(period, period.of(day), dimension), id -> new LinkedHashMap<>())
                            .put(group, dimension.countsPerUnit() ? contribution(fact, dimension, group)
                                    : contribution.clone());
                }
            }
        }
        return share;
    }

    /** Adds {@code share} ({@code sign} -1 takes it away) into {@code into}, rollup by rollup and group by group. */
    public static void add(Map<String, Map<String, long[]>> into, Map<String, Map<String, long[]>> share, int sign) {
        share.forEach((id, groups) -> groups.forEach((group, counts) -> {
            long[] sum = into.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(group, g -> zero());
            for (int i = 0; i < sum.length && i < counts.length; i++) {
                sum[i] += sign * counts[i];
            }
        }));
    }

    /** Whether every count is zero: a group no ticket counts in, which a rollup leaves out. */
    public static boolean isZero(long[] counts) {
        return Arrays.stream(counts).allMatch(count -> count == 0);
    }

    /**
     * What the fact adds to each counter in the group {@code group} of {@code dimension}; in every group of a
     * dimension that does not count per unit ({@code dimension} {@code null}), the ticket's whole.
     */
    private static long[] contribution(Fact fact, Dimension dimension, String group) {
        long[] contribution = new long[COUNTERS];
        for (Counter counter : Counter.values()) {
            contribution[counter.ordinal()] = counter.of(fact, dimension, group);
        }
        return contribution;
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
        Map<String, Map<String, long[]>> byDimension = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            byDimension.put(dimension.key(), new LinkedHashMap<>());
        }
        counts.forEach((key, values) -> {
            int bar = key.indexOf('|');
            byDimension.get(key.substring(0, bar)).put(key.substring(bar + 1), values);
        });
        List<Document> documents = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            documents.add(document(period, periodKey, dimension, byDimension.get(dimension.key())));
        }
        return documents;
    }

    /** The rollup document of one period and dimension with the counts of {@code groups}, by group. */
    public static Document document(Period period, String periodKey, Dimension dimension,
            Map<String, long[]> groups) {
        List<Document> stored = new ArrayList<>(groups.size());
        groups.forEach((group, values) -> {
            List<Long> numbers = new ArrayList<>(values.length);
            for (long value : values) {
                numbers.add(value);
            }
            stored.add(new Document("g", group).append("n", numbers));
        });
        return new Document("_id", id(period, periodKey, dimension)).append("period", period.key())
                .append("key", periodKey).append("dimension", dimension.key()).append("groups", stored);
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
