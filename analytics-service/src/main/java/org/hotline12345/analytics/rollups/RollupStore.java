package org.hotline12345.analytics.rollups;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bson.Document;
import org.hotline12345.analytics.facts.FactRecorder;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the rollups and answers from them. A day is counted again from its facts as a whole, and its week and
 * month from their days, so a recount gives the same rollups however often it runs and in whatever order the
 * facts changed.
 */
@Component
public class RollupStore {

    private final ReactiveMongoTemplate mongo;

    RollupStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts {@code day} again from its facts, then its ISO week and its month from their days. */
    public Mono<Void> recount(LocalDate day) {
        Query facts = Query.query(Criteria.where("receivedDay").is(day.toString()));
        facts.fields().include(Rollups.FACT_FIELDS.toArray(String[]::new));
        return mongo.find(facts, Document.class, FactRecorder.COLLECTION).collectList()
                .flatMap(found -> save(Rollups.documents("day", day.toString(), Rollups.count(found))))
                .then(Mono.defer(() -> sumDays("week", Rollups.week(day), weekOf(day))))
                .then(Mono.defer(() -> sumDays("month", Rollups.month(day), monthOf(day))));
    }

    private Mono<Void> sumDays(String period, String periodKey, List<LocalDate> days) {
        return Flux.fromIterable(Rollups.DIMENSIONS.keySet())
                .concatMap(dimension -> read("day", days.stream().map(LocalDate::toString).toList(), dimension)
                        .map(byDay -> {
                            Map<String, long[]> sums = new LinkedHashMap<>();
                            byDay.values().forEach(counts -> counts.forEach((key, values) -> Rollups.add(
                                    sums.computeIfAbsent(key, k -> new long[Rollups.COUNTS.size()]), values)));
                            return sums;
                        }))
                .collectList()
                .flatMap(perDimension -> {
                    Map<String, long[]> all = new LinkedHashMap<>();
                    perDimension.forEach(all::putAll);
                    return save(Rollups.documents(period, periodKey, all));
                });
    }

    /** Writes rollup documents over those of the same id. */
    public Mono<Void> save(List<Document> rollups) {
        return Flux.fromIterable(rollups).concatMap(rollup -> mongo.save(rollup, Rollups.COLLECTION)).then();
    }

    /** The counts of {@code dimension} in each of the periods named by {@code keys}, by period key. */
    Mono<Map<String, Map<String, long[]>>> read(String period, List<String> keys, String dimension) {
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = keys.stream().map(key -> Rollups.id(period, key, dimension)).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Rollups.COLLECTION)
                .collectMap(rollup -> rollup.getString("key"), Rollups::counts, TreeMap::new);
    }

    /**
     * The counts of every group of {@code dimension} per {@code period} for tickets received from {@code from} to
     * {@code to}: whole weeks and months from their rollups, the part of one cut by the range from its days.
     */
    public Mono<List<PeriodCounts>> counts(String dimension, String period, LocalDate from, LocalDate to) {
        Function<LocalDate, String> periodOf = switch (period) {
            case "day" -> LocalDate::toString;
            case "week" -> Rollups::week;
            case "month" -> Rollups::month;
            default -> throw new IllegalArgumentException("No period " + period);
        };
        List<String> whole = new ArrayList<>();
        Map<String, String> partDays = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<LocalDate> periodDays = "week".equals(period) ? weekOf(day) : "month".equals(period) ? monthOf(day)
                    : List.of(day);
            boolean inside = !periodDays.get(0).isBefore(from) && !periodDays.get(periodDays.size() - 1).isAfter(to);
            String key = periodOf.apply(day);
            if (inside) {
                if (!whole.contains(key)) {
                    whole.add(key);
                }
            } else {
                partDays.put(day.toString(), key);
            }
        }
        return Mono.zip(read(period, whole, dimension), read("day", List.copyOf(partDays.keySet()), dimension))
                .map(both -> {
                    Map<String, Map<String, long[]>> byPeriod = new TreeMap<>(both.getT1());
                    both.getT2().forEach((day, counts) -> {
                        Map<String, long[]> into = byPeriod.computeIfAbsent(partDays.get(day), k -> new TreeMap<>());
                        counts.forEach((key, values) -> Rollups.add(
                                into.computeIfAbsent(key, k -> new long[Rollups.COUNTS.size()]), values));
                    });
                    List<PeriodCounts> rows = new ArrayList<>();
                    byPeriod.forEach((periodKey, counts) -> counts.forEach((key, values) -> rows.add(
                            new PeriodCounts(key.substring(key.indexOf('|') + 1), periodKey, values))));
                    return rows;
                });
    }

    /** One group's counts in one period, in the order of {@link Rollups#COUNTS}. */
    public record PeriodCounts(String group, String period, long[] counts) {
    }

    static List<LocalDate> weekOf(LocalDate day) {
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        return monday.datesUntil(monday.plusDays(7)).toList();
    }

    static List<LocalDate> monthOf(LocalDate day) {
        LocalDate first = day.withDayOfMonth(1);
        return first.datesUntil(first.plusMonths(1)).toList();
    }
}
