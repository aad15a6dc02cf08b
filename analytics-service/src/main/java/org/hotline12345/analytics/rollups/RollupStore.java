package org.hotline12345.analytics.rollups;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.PendingFacts;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the rollups and answers from them. Besides the changes {@link RollupDeltas} adds, a day can be counted
 * again from its facts as a whole, and its week and month from their days, so a recount gives the same rollups
 * however often it runs and in whatever order the facts changed.
 */
@Component
public class RollupStore {

    /** The facts of a day read, counted and recorded as counted at a time when the day is counted whole. */
    static final int FACTS_PER_PAGE = 500;

    private final ReactiveMongoTemplate mongo;
    private final PendingFacts facts;

    RollupStore(ReactiveMongoTemplate mongo, PendingFacts facts) {
        this.mongo = mongo;
        this.facts = facts;
    }

    /** Counts {@code day} again from its facts, then its ISO week and its month from their days. */
    public Mono<Void> recount(LocalDate day) {
        return countDay(day).then(Mono.defer(() -> sumPeriodsOf(List.of(day))));
    }

    /**
     * Counts {@code day} again from its facts alone, replacing its rollups whatever shape they had; completes with
     * the number of facts counted. Each fact first records that the rollups count it as read, so that a change
     * made to it meanwhile is still pending and is added by the refresh. Its week and month are left to
     * {@link #sumPeriodsOf(Collection)}. The facts are read and recorded {@link #FACTS_PER_PAGE} at a time, and
     * only the day's counts are kept between pages, so a busy day is counted in as little memory as a quiet one.
     */
    Mono<Integer> countDay(LocalDate day) {
        return Mono.defer(() -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            return facts.receivedOn(day).buffer(FACTS_PER_PAGE)
                    .concatMap(page -> {
                        Rollups.count(page.stream().map(fact -> Fact.from(fact.now())).toList())
                                .forEach((key, values) -> Rollups.add(counts.computeIfAbsent(key,
                                        k -> Rollups.zero()), values));
                        return facts.countedAsRead(page.stream().filter(fact -> !fact.countedAsIs()).toList())
                                .thenReturn(page.size());
                    }, 1)
                    .reduce(0, Integer::sum)
                    .flatMap(found -> save(Rollups.documents(Period.DAY, Period.DAY.of(day), counts))
                            .thenReturn(found));
        });
    }

    /** Sums each ISO week and month holding one of {@code days} again from its days' rollups, each once. */
    Mono<Void> sumPeriodsOf(Collection<LocalDate> days) {
        return Flux.just(Period.WEEK, Period.MONTH)
                .concatMap(period -> Flux.fromStream(days.stream().map(day -> period.daysAround(day).get(0))
                                .distinct())
                        .concatMap(first -> sumDays(period, first)))
                .then();
    }

    private Mono<Void> sumDays(Period period, LocalDate day) {
        List<String> days = period.daysAround(day).stream().map(Period.DAY::of).toList();
        return Flux.fromArray(Dimension.values())
                .concatMap(dimension -> read(Period.DAY, days, dimension).map(byDay -> {
                    Map<String, long[]> sums = new LinkedHashMap<>();
                    byDay.values().forEach(counts -> counts.forEach((group, values) -> Rollups.add(
                            sums.computeIfAbsent(Rollups.key(dimension, group), k -> Rollups.zero()), values)));
                    return sums;
                }))
                .collectList()
                .flatMap(perDimension -> {
                    Map<String, long[]> all = new LinkedHashMap<>();
                    perDimension.forEach(all::putAll);
                    return save(Rollups.documents(period, period.of(day), all));
                });
    }

    /** Writes rollup documents over those of the same id, in one bulk write. */
    public Mono<Void> save(List<Document> rollups) {
        if (rollups.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Rollups.COLLECTION);
        rollups.forEach(rollup -> bulk.replaceOne(Query.query(Criteria.where("_id").is(rollup.get("_id"))), rollup,
                FindAndReplaceOptions.options().upsert()));
        return bulk.execute().then();
    }

    /** The counts of each group of {@code dimension} in each of the periods named by {@code keys}, by period key. */
    private Mono<Map<String, Map<String, long[]>>> read(Period period, List<String> keys, Dimension dimension) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = keys.stream().map(key -> Rollups.id(period, key, dimension)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Rollups.COLLECTION)
                .collectMap(rollup -> rollup.getString("key"), Rollups::counts, TreeMap::new);
    }

    /**
     * The counts of every group of {@code dimension} per {@code period} for tickets received in {@code days}: whole
     * weeks and months from their rollups, the part of one cut by the range from its days. Sorted by period, then
     * group.
     */
    public Mono<List<PeriodCounts>> counts(Dimension dimension, Period period, DayRange days) {
        Set<String> whole = new LinkedHashSet<>();
        Map<String, String> partDays = new LinkedHashMap<>();
        for (LocalDate day = days.from(); !day.isAfter(days.to()); day = day.plusDays(1)) {
            List<LocalDate> periodDays = period.daysAround(day);
            boolean inside = !periodDays.get(0).isBefore(days.from())
                    && !periodDays.get(periodDays.size() - 1).isAfter(days.to());
            String key = period.of(day);
            if (!inside) {
                partDays.put(Period.DAY.of(day), key);
            } else {
                whole.add(key);
            }
        }
        return Mono.zip(read(period, List.copyOf(whole), dimension),
                        read(Period.DAY, List.copyOf(partDays.keySet()), dimension))
                .map(both -> {
                    Map<String, Map<String, long[]>> byPeriod = new TreeMap<>();
                    both.getT1().forEach((key, counts) -> byPeriod.put(key, new TreeMap<>(counts)));
                    both.getT2().forEach((day, counts) -> {
                        Map<String, long[]> into = byPeriod.computeIfAbsent(partDays.get(day), k -> new TreeMap<>());
                        counts.forEach((group, values) -> Rollups.add(into.computeIfAbsent(group,
                                k -> Rollups.zero()), values));
                    });
                    List<PeriodCounts> rows = new ArrayList<>();
                    byPeriod.forEach((periodKey, counts) -> counts.forEach((group, values) -> rows.add(
                            new PeriodCounts(group, periodKey, values))));
                    return rows;
                });
    }

    /** The counts of every group of {@code dimension} for tickets received in {@code days}, by group. */
    public Mono<Map<String, PeriodCounts>> totals(Dimension dimension, DayRange days) {
        String period = days.from() + "/" + days.to();
        return counts(dimension, Period.MONTH, days).map(rows -> {
            Map<String, long[]> sums = new TreeMap<>();
            rows.forEach(row -> Rollups.add(sums.computeIfAbsent(row.group(), g -> Rollups.zero()), row.counts()));
            Map<String, PeriodCounts> totals = new TreeMap<>();
            sums.forEach((group, values) -> totals.put(group, new PeriodCounts(group, period, values)));
            return totals;
        });
    }

    /** One group's counts in one period, in the order of {@link Counter}. */
    public record PeriodCounts(String group, String period, long[] counts) {

        public long get(Counter counter) {
            return counts[counter.ordinal()];
        }
    }
}
