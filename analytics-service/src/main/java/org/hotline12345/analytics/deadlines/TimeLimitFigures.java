package org.hotline12345.analytics.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;

/**
 * Adds up one group's time-limit figures fact by fact. Plain Java, so that the definitions are tested directly:
 * handling time runs from assignment to resolution; a ticket is overdue now when it is assigned, not closed, not
 * resolved since it was last reopened, and its resolve deadline has passed; a return counts against the unit that
 * returned the ticket, out of the tickets that unit was ever given.
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
    void add(Document fact, Instant now) {
        received++;
        if (Boolean.TRUE.equals(fact.get("assigned"))) {
            assigned++;
        }
        if (Boolean.TRUE.equals(fact.get("acceptedOnTime"))) {
            acceptedOnTime++;
        }
        Instant resolvedAt = instant(fact, "resolvedAt");
        Instant assignedAt = instant(fact, "assignedAt");
        if (resolvedAt != null) {
            resolved++;
            if (Boolean.TRUE.equals(fact.get("resolvedOnTime"))) {
                resolvedOnTime++;
            }
            if (assignedAt != null && !resolvedAt.isBefore(assignedAt)) {
                handlingHours.add(Duration.between(assignedAt, resolvedAt).toSeconds() / 3600.0);
            }
        }
        if (isOverdue(fact, now)) {
            overdueNow++;
        }
        if (Boolean.TRUE.equals(fact.get("repeat"))) {
            repeats++;
        }
        if (Boolean.TRUE.equals(fact.get("resolvedAtIntake"))) {
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
    void addReturnsOf(Document fact) {
        if (Boolean.TRUE.equals(fact.get("assigned"))) {
            givenToUnit++;
            Object returns = fact.get("returns");
            if (returns instanceof Number n && n.longValue() > 0) {
                returned++;
            }
        }
    }

    static boolean isOverdue(Document fact, Instant now) {
        Instant resolveBy = instant(fact, "resolveBy");
        if (!Boolean.TRUE.equals(fact.get("assigned")) || Boolean.TRUE.equals(fact.get("closed"))
                || Boolean.TRUE.equals(fact.get("resolvedAtIntake")) || resolveBy == null
                || !resolveBy.isBefore(now)) {
            return false;
        }
        Instant resolvedAt = instant(fact, "resolvedAt");
        Instant reopenedAt = instant(fact, "reopenedAt");
        return resolvedAt == null || (reopenedAt != null && reopenedAt.isAfter(resolvedAt));
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

    private static Instant instant(Document fact, String field) {
        Object value = fact.get(field);
        return value instanceof java.util.Date date ? date.toInstant() : value instanceof Instant i ? i : null;
    }
}
