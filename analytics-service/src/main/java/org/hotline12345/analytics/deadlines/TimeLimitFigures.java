package org.hotline12345.analytics.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hotline12345.analytics.facts.Fact;

/**
 * Adds up one group's time-limit figures fact by fact. Plain Java, so that the definitions are tested directly:
 * handling time runs from assignment to resolution; a ticket is overdue now as {@link Fact#overdueAt} says (its unit
 * is past the deadline to sign for it or to resolve it); a return counts against the unit that returned the ticket,
 * out of the tickets that unit was ever given.
 */
final class TimeLimitFigures {

    private final String group;
    private long received;
    private long assigned;
    private long acceptedOnTime;
    private long resolved;
    private long resolvedOnTime;
    private long overdueNow;
    private long givenToUnit;
    private long returned;
    private long repeats;
    private long resolvedAtIntake;
    private final List<Double> handlingHours = new ArrayList<>();

    TimeLimitFigures(String group) {
        this.group = group;
    }

    /** Counts a fact of a ticket this group holds (or, for the city, any ticket). */
    void add(Fact fact, Instant now) {
        received++;
        if (fact.assigned()) {
            assigned++;
        }
        if (fact.acceptedOnTime()) {
            acceptedOnTime++;
        }
        if (fact.resolvedAt() != null) {
            resolved++;
            if (fact.resolvedOnTime()) {
                resolvedOnTime++;
            }
            if (fact.assignedAt() != null && !fact.resolvedAt().isBefore(fact.assignedAt())) {
                handlingHours.add(Duration.between(fact.assignedAt(), fact.resolvedAt()).toSeconds() / 3600.0);
            }
        }
        if (fact.overdueAt(now)) {
            overdueNow++;
        }
        if (fact.repeat()) {
            repeats++;
        }
        if (fact.resolvedAtIntake()) {
            resolvedAtIntake++;
        }
    }

    /** Counts that a unit was given a ticket, and whether it returned it. */
    void addGiven(boolean returnedByThisUnit) {
        givenToUnit++;
        if (returnedByThisUnit) {
            returned++;
        }
    }

    /** Counts the returns of a group other than a unit: tickets returned at least once, out of those assigned. */
    void addReturnsOf(Fact fact) {
        if (fact.assigned()) {
            givenToUnit++;
            if (fact.returns() > 0) {
                returned++;
            }
        }
    }

    TimeLimits result() {
        List<Double> sorted = new ArrayList<>(handlingHours);
        Collections.sort(sorted);
        Double average = sorted.isEmpty() ? null
                : round(sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
        return new TimeLimits(group, received, assigned, acceptedOnTime, share(acceptedOnTime, assigned), resolved,
                resolvedOnTime, share(resolvedOnTime, resolved), overdueNow, average, percentile(sorted, 50),
                percentile(sorted, 90), givenToUnit, returned, share(returned, givenToUnit), repeats,
                share(repeats, received), resolvedAtIntake, share(resolvedAtIntake, received));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return round(sorted.get(Math.max(rank, 1) - 1));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
