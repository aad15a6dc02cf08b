package org.hotline12345.analytics.parts;

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
 * The supporting units' parts per month of receipt, for the whole city and for each supporting unit, read from the
 * rollups: a unit in the months it was given a part of a ticket.
 */
@Service
class PartsQuery {

    private final RollupStore rollups;
    private final City city;

    PartsQuery(RollupStore rollups, City city) {
        this.rollups = rollups;
        this.city = city;
    }

    /** The city's figures per month, then each supporting unit's per month, the units given most parts first. */
    Mono<Report> of(DayRange days) {
        return Mono.zip(rollups.counts(Dimension.CITY, Period.MONTH, days),
                        rollups.counts(Dimension.PART_UNIT, Period.MONTH, days))
                .map(both -> new Report(days.from().toString(), days.to().toString(),
                        both.getT1().stream().map(row -> figures(row, null)).filter(f -> !f.isEmpty()).toList(),
                        both.getT2().stream().map(row -> figures(row, city.holderName(row.group(), "zh")
                                        .orElse(row.group())))
                                .filter(f -> !f.isEmpty())
                                .sorted(Comparator.comparing(PartFigures::month)
                                        .thenComparing(Comparator.comparingLong(PartFigures::partsAssigned)
                                                .reversed())
                                        .thenComparing(PartFigures::group))
                                .toList()));
    }

    private static PartFigures figures(PeriodCounts row, String unitName) {
        long assigned = row.get(Counter.PARTS_ASSIGNED);
        long acceptedOnTime = row.get(Counter.PARTS_ACCEPTED_ON_TIME);
        long answered = row.get(Counter.PARTS_ANSWERED);
        long answeredOnTime = row.get(Counter.PARTS_ANSWERED_ON_TIME);
        long waivedOverdue = row.get(Counter.PARTS_WAIVED_OVERDUE);
        long cameDue = answered + waivedOverdue;
        return new PartFigures(row.group(), unitName, row.period(), assigned, acceptedOnTime,
                assigned == 0 ? null : round(100.0 * acceptedOnTime / assigned), answered, answeredOnTime,
                row.get(Counter.PARTS_WAIVED), waivedOverdue,
                cameDue == 0 ? null : round(100.0 * answeredOnTime / cameDue));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * The figures of tickets received from {@code from} to {@code to}: the city's per month, and each supporting
     * unit's per month it was given a part.
     */
    record Report(String from, String to, List<PartFigures> city, List<PartFigures> units) {
    }
}
