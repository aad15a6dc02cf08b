package org.hotline12345.analytics.volume;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline12345.analytics.rollups.Counter;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.rollups.RollupStore;
import org.hotline12345.analytics.rollups.RollupStore.PeriodCounts;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Ticket volume from the rollups: by hour of the day from the counts per hour and category, by day from the
 * counts per day and category, and the period just before from the city's counts.
 */
@Service
class VolumeQuery {

    /** What the volume of a period is bucketed by. */
    enum BucketBy {
        HOUR, DAY
    }

    private final RollupStore rollups;

    VolumeQuery(RollupStore rollups) {
        this.rollups = rollups;
    }

    Mono<Volume> of(DayRange days, BucketBy by) {
        long length = ChronoUnit.DAYS.between(days.from(), days.to()) + 1;
        DayRange before = new DayRange(days.from().minusDays(length), days.from().minusDays(1));
        Mono<Map<String, Map<String, Long>>> buckets = by == BucketBy.HOUR
                ? rollups.totals(Dimension.HOUR_CATEGORY, days).map(totals -> byBucket(totals.values(), true))
                : rollups.counts(Dimension.CATEGORY, Period.DAY, days).map(rows -> byBucket(rows, false));
        Mono<Long> previous = rollups.totals(Dimension.CITY, before).map(totals -> totals.values().stream()
                .mapToLong(city -> city.get(Counter.RECEIVED)).sum());
        return Mono.zip(buckets, previous).map(both -> {
            List<Bucket> rows = both.getT1().entrySet().stream()
                    .map(e -> new Bucket(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                            e.getValue()))
                    .toList();
            long total = rows.stream().mapToLong(Bucket::tickets).sum();
            long previousTotal = both.getT2();
            Double change = previousTotal == 0 ? null
                    : Math.round(1000.0 * (total - previousTotal) / previousTotal) / 10.0;
            return new Volume(days.from(), days.to(), by.name().toLowerCase(java.util.Locale.ROOT), total,
                    before.from(), before.to(), previousTotal, change, rows);
        });
    }

    /** Tickets per bucket and category: from {@code hour|category} groups, or from category groups per day. */
    private static Map<String, Map<String, Long>> byBucket(Iterable<PeriodCounts> rows, boolean hourAndCategory) {
        Map<String, Map<String, Long>> buckets = new TreeMap<>();
        for (PeriodCounts row : rows) {
            String bucket = hourAndCategory ? row.group().substring(0, row.group().indexOf('|')) : row.period();
            String category = hourAndCategory ? row.group().substring(row.group().indexOf('|') + 1) : row.group();
            long tickets = row.get(Counter.RECEIVED);
            if (tickets > 0) {
                buckets.computeIfAbsent(bucket, b -> new TreeMap<>()).merge(category, tickets, Long::sum);
            }
        }
        return buckets;
    }
}
