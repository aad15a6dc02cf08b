package org.hotline12345.analytics.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.Facts;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Time-limit figures per group, from the facts themselves: handling-time percentiles and "overdue now" cannot be
 * summed from counts, so a period is bounded (a quarter) and only the fields counted are read.
 */
@Service
class DeadlinesQuery {

    private static final String[] FIELDS = {Fields.UNIT_ID, Fields.GRID_ID, Fields.DISTRICT, Fields.CATEGORY,
        Fields.ASSIGNED, Fields.ASSIGNED_AT, Fields.ACCEPT_BY, Fields.ACCEPTED_AT, Fields.ACCEPTED_ON_TIME,
        Fields.RETURNED_AT, Fields.RESOLVED_AT, Fields.RESOLVED_ON_TIME, Fields.RESOLVE_BY, Fields.CLOSED,
        Fields.REOPENED_AT, Fields.REPEAT, Fields.RESOLVED_AT_INTAKE, Fields.ASSIGNED_UNITS, Fields.RETURNED_BY,
        Fields.RETURNS};

    private final Facts facts;
    private final Clock clock;

    DeadlinesQuery(Facts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /** The figures of each group of {@code groupBy} for tickets received in {@code days}, by group. */
    Mono<List<TimeLimits>> of(DayRange days, Dimension groupBy) {
        Instant now = clock.instant();
        return facts.receivedIn(days, FIELDS)
                .collect(() -> new TreeMap<String, TimeLimitFigures>(), (groups, fact) -> add(groups, fact, groupBy,
                        now))
                .map(groups -> groups.values().stream().map(TimeLimitFigures::result).toList());
    }

    /**
     * Counts a fact for its group. Returns count against each unit the ticket was ever given, whether or not it
     * holds it now; for other groups, against the ticket's group.
     */
    private static void add(Map<String, TimeLimitFigures> groups, Fact fact, Dimension groupBy, Instant now) {
        String group = groupBy.groupOf(fact);
        if (group != null) {
            groups.computeIfAbsent(group, TimeLimitFigures::new).add(fact, now);
        }
        if (groupBy != Dimension.UNIT) {
            if (group != null) {
                groups.get(group).addReturnsOf(fact);
            }
            return;
        }
        for (String unit : fact.assignedUnits()) {
            groups.computeIfAbsent(unit, TimeLimitFigures::new).addGiven(fact.returnedBy().contains(unit));
        }
    }
}
