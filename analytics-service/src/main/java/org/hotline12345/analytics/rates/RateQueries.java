package org.hotline12345.analytics.rates;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.hotline12345.analytics.rollups.RollupStore;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The rates' numerators and denominators per unit, grid, district, category or the whole city and per day, week
 * or month of receipt, read from the rollups. A returned and re-assigned ticket counts for the unit that holds it
 * now.
 */
@Service
public class RateQueries {

    private final RollupStore rollups;

    RateQueries(RollupStore rollups) {
        this.rollups = rollups;
    }

    /** Counts for tickets received between the two days, inclusive. */
    public Mono<List<RateCounts>> counts(String groupBy, String period, LocalDate from, LocalDate to) {
        return rollups.counts(groupBy, period, from, to)
                .map(rows -> rows.stream()
                        .map(row -> new RateCounts(row.group(), row.period(), row.counts()[0], row.counts()[1],
                                row.counts()[2], row.counts()[3], row.counts()[4], row.counts()[5]))
                        .sorted(Comparator.comparing(RateCounts::period).thenComparing(RateCounts::group))
                        .toList());
    }
}
