package org.hotline12345.analytics.overview;

import org.hotline12345.analytics.rollups.Counter;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.rollups.RollupStore;
import org.hotline12345.analytics.rollups.RollupStore.PeriodCounts;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The overview of a period, from the city's rollups: a year is read from a dozen month documents and a few days,
 * whatever the number of tickets.
 */
@Service
class OverviewQuery {

    private final RollupStore rollups;

    OverviewQuery(RollupStore rollups) {
        this.rollups = rollups;
    }

    Mono<Overview> of(DayRange days) {
        return rollups.totals(Dimension.CITY, days).map(totals -> {
            PeriodCounts city = totals.getOrDefault(Dimension.CITY_GROUP, new PeriodCounts(Dimension.CITY_GROUP,
                    "", new long[Counter.values().length]));
            return new Overview(days.from(), days.to(), city.get(Counter.RECEIVED),
                    city.get(Counter.RESOLVED_AT_INTAKE), city.get(Counter.ASSIGNED), city.get(Counter.ACCEPTED),
                    city.get(Counter.ACCEPTED_ON_TIME), city.get(Counter.RESOLVED), city.get(Counter.CLOSED),
                    city.get(Counter.RETURNS), city.get(Counter.ESCALATIONS));
        });
    }
}
