package org.hotline12345.analytics.decisions;

import java.util.Comparator;
import java.util.List;
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
 * The centre's decisions per month of receipt, for the whole city and for each unit they concerned, read from the
 * rollups: a unit in the months it returned a ticket or asked for more time on one.
 */
@Service
class DecisionsQuery {

    private final RollupStore rollups;
    private final City city;

    DecisionsQuery(RollupStore rollups, City city) {
        this.rollups = rollups;
        this.city = city;
    }

    /** The city's figures per month, then each unit's per month, the units with most returns first. */
    Mono<Report> of(DayRange days) {
        return Mono.zip(rollups.counts(Dimension.CITY, Period.MONTH, days),
                        rollups.counts(Dimension.DECISION_UNIT, Period.MONTH, days))
                .map(both -> new Report(days.from().toString(), days.to().toString(),
                        both.getT1().stream().map(row -> figures(row, null)).filter(f -> !f.isEmpty()).toList(),
                        both.getT2().stream().map(row -> figures(row, city.holderName(row.group(), "zh")
                                        .orElse(row.group())))
                                .filter(f -> !f.isEmpty())
                                .sorted(Comparator.comparing(DecisionFigures::month)
                                        .thenComparing(Comparator.comparingLong(DecisionFigures::returnsMade)
                                                .reversed())
                                        .thenComparing(DecisionFigures::group))
                                .toList()));
    }

    private static DecisionFigures figures(PeriodCounts row, String unitName) {
        long upheld = row.get(Counter.RETURNS_UPHELD);
        long rejected = row.get(Counter.RETURNS_REJECTED);
        long reached = row.get(Counter.REACHED_RIGHT_UNIT);
        return new DecisionFigures(row.group(), unitName, row.period(), row.get(Counter.RETURNS_MADE), upheld,
                rejected, upheld + rejected == 0 ? null : round(100.0 * upheld / (upheld + rejected)),
                row.get(Counter.EXTENSIONS_ASKED), row.get(Counter.EXTENSIONS_APPROVED),
                row.get(Counter.EXTENSIONS_SHORTENED), row.get(Counter.EXTENSIONS_REFUSED),
                row.get(Counter.WENT_ROUND), reached,
                reached == 0 ? null : round(row.get(Counter.SECONDS_TO_RIGHT_UNIT) / 3600.0 / reached));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * The figures of tickets received from {@code from} to {@code to}: the city's per month, and each unit's per
     * month it made a return or a request.
     */
    record Report(String from, String to, List<DecisionFigures> city, List<DecisionFigures> units) {
    }
}
