package org.hotline12345.analytics.rates;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.analytics.rollups.Counter;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.rollups.RollupStore;
import org.hotline12345.analytics.rollups.RollupStore.PeriodCounts;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.referencedata.City;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The three rates per unit, grid, district, category or the whole city and per day, week or month of receipt, and
 * the monthly ranking of units, read from the rollups. A returned and re-assigned ticket counts for the unit that
 * holds it now.
 */
@Service
public class RateQueries {

    private final RollupStore rollups;
    private final City city;

    RateQueries(RollupStore rollups, City city) {
        this.rollups = rollups;
        this.city = city;
    }

    /** Counts and rates for tickets received in {@code days}, by period, then group. */
    public Mono<List<RateCounts>> counts(Dimension groupBy, Period period, DayRange days) {
        return rollups.counts(groupBy, period, days).map(rows -> rows.stream().map(RateQueries::rates).toList());
    }

    /**
     * The units that handled tickets received in {@code month}: those with a composite score first, best first (ties
     * broken by more rated tickets, then by unit id), each with its rank and score change against the month before;
     * then those without one yet (no rated ticket), unranked, most resolved tickets first.
     */
    public Mono<List<RankingEntry>> ranking(YearMonth month) {
        return Mono.zip(unitsIn(month.minusMonths(1)), unitsIn(month)).map(both -> {
            Map<String, Integer> previousRanks = new HashMap<>();
            Map<String, Double> previousScores = new HashMap<>();
            List<RateCounts> previous = scored(both.getT1());
            for (int i = 0; i < previous.size(); i++) {
                previousRanks.put(previous.get(i).group(), i + 1);
                previousScores.put(previous.get(i).group(), previous.get(i).composite());
            }
            List<RateCounts> ranked = scored(both.getT2());
            List<RankingEntry> entries = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                RateCounts c = ranked.get(i);
                Double before = previousScores.get(c.group());
                entries.add(entry(i + 1, c, previousRanks.get(c.group()),
                        before == null ? null : Math.round((c.composite() - before) * 100) / 100.0));
            }
            unscored(both.getT2()).forEach(c -> entries.add(entry(null, c, previousRanks.get(c.group()), null)));
            return entries;
        });
    }

    private RankingEntry entry(Integer rank, RateCounts c, Integer previousRank, Double compositeChange) {
        return new RankingEntry(rank, c.group(), city.holderName(c.group(), "zh").orElse(c.group()), c.composite(),
                c.responseRate(), c.resolutionRate(), c.satisfactionRate(), c.assigned(), c.resolved(), c.rated(),
                previousRank, compositeChange);
    }

    private Mono<List<RateCounts>> unitsIn(YearMonth month) {
        return counts(Dimension.UNIT, Period.MONTH, new DayRange(month.atDay(1), month.atEndOfMonth()));
    }

    private static List<RateCounts> scored(List<RateCounts> counts) {
        return counts.stream().filter(c -> c.composite() != null)
                .sorted(Comparator.comparing(RateCounts::composite).reversed()
                        .thenComparing(Comparator.comparingLong(RateCounts::rated).reversed())
                        .thenComparing(RateCounts::group))
                .toList();
    }

    // a unit is in the month's table for the tickets it handled, before any citizen has rated one of them
    private static List<RateCounts> unscored(List<RateCounts> counts) {
        return counts.stream().filter(c -> c.composite() == null && (c.assigned() > 0 || c.resolved() > 0))
                .sorted(Comparator.comparingLong(RateCounts::resolved).reversed()
                        .thenComparing(Comparator.comparingLong(RateCounts::assigned).reversed())
                        .thenComparing(RateCounts::group))
                .toList();
    }

    private static RateCounts rates(PeriodCounts row) {
        return new RateCounts(row.group(), row.period(), row.get(Counter.RECEIVED), row.get(Counter.ASSIGNED),
                row.get(Counter.ACCEPTED_ON_TIME), row.get(Counter.RATED), row.get(Counter.SOLVED),
                row.get(Counter.SATISFIED), row.get(Counter.RESOLVED));
    }
}
