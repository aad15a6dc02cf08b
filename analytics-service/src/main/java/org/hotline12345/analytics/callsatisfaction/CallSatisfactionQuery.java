package org.hotline12345.analytics.callsatisfaction;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline12345.analytics.rollups.Counter;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.rollups.RollupStore;
import org.hotline12345.analytics.rollups.RollupStore.PeriodCounts;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.tables.Period;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 受理满意度 from the rollups: the city's, each day's, each channel's and each operator's counts of the calls rated
 * and rated satisfied. A year is a dozen month documents of each dimension and a year of day documents of the
 * city, whatever the number of tickets.
 */
@Service
class CallSatisfactionQuery {

    private final RollupStore rollups;

    CallSatisfactionQuery(RollupStore rollups) {
        this.rollups = rollups;
    }

    Mono<CallSatisfaction> of(DayRange days) {
        return Mono.zip(rollups.totals(Dimension.CITY, days), rollups.counts(Dimension.CITY, Period.DAY, days),
                        rollups.totals(Dimension.CHANNEL, days), rollups.totals(Dimension.OPERATOR, days))
                .map(all -> {
                    PeriodCounts city = all.getT1().get(Dimension.CITY_GROUP);
                    long received = city == null ? 0 : city.get(Counter.RECEIVED);
                    long rated = city == null ? 0 : city.get(Counter.CALL_RATED);
                    long satisfied = city == null ? 0 : city.get(Counter.CALL_SATISFIED);
                    List<CallSatisfaction.Day> byDay = all.getT2().stream()
                            .map(c -> new CallSatisfaction.Day(c.period(), c.get(Counter.RECEIVED),
                                    c.get(Counter.CALL_RATED), c.get(Counter.CALL_SATISFIED), rate(c)))
                            .toList();
                    List<CallSatisfaction.ChannelRate> byChannel = mostRatedFirst(all.getT3())
                            .map(c -> new CallSatisfaction.ChannelRate(c.group(), c.get(Counter.RECEIVED),
                                    c.get(Counter.CALL_RATED), c.get(Counter.CALL_SATISFIED), rate(c)))
                            .toList();
                    List<CallSatisfaction.OperatorRate> byOperator = mostRatedFirst(all.getT4())
                            .map(c -> new CallSatisfaction.OperatorRate(c.group(), c.get(Counter.RECEIVED),
                                    c.get(Counter.CALL_RATED), c.get(Counter.CALL_SATISFIED), rate(c)))
                            .toList();
                    return new CallSatisfaction(days.from(), days.to(), received, rated, satisfied,
                            rate(satisfied, rated), byDay, byChannel, byOperator);
                });
    }

    /** The groups that took a ticket in the period, those rated most first, then those that took most. */
    private static Stream<PeriodCounts> mostRatedFirst(Map<String, PeriodCounts> groups) {
        return groups.values().stream().filter(c -> c.get(Counter.RECEIVED) > 0 || c.get(Counter.CALL_RATED) > 0)
                .sorted(Comparator.comparingLong((PeriodCounts c) -> c.get(Counter.CALL_RATED)).reversed()
                        .thenComparing(Comparator.comparingLong((PeriodCounts c) -> c.get(Counter.RECEIVED))
                                .reversed())
                        .thenComparing(PeriodCounts::group));
    }

    private static Double rate(PeriodCounts counts) {
        return rate(counts.get(Counter.CALL_SATISFIED), counts.get(Counter.CALL_RATED));
    }

    /** {@code part} in percent of {@code whole}, to two places; {@code null} of nothing. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 100.0;
    }
}
