package org.hotline12345.routing.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Accept and resolve limits per priority; the defaults are the centre's (see the domain description). */
public final class TimeLimits {

    /** One priority's limits. */
    public record Limit(Duration accept, Duration resolve) {
    }

    private final Map<String, Limit> byPriority;

    public TimeLimits(Map<String, Limit> byPriority) {
        this.byPriority = Map.copyOf(byPriority);
    }

    public static TimeLimits defaults() {
        return new TimeLimits(Map.of(
                "URGENT", new Limit(Duration.ofHours(2), Duration.ofHours(24)),
                "HIGH", new Limit(Duration.ofHours(12), Duration.ofDays(3)),
                "NORMAL", new Limit(Duration.ofHours(24), Duration.ofDays(7)),
                "CONSULTATION", new Limit(Duration.ofHours(24), Duration.ofDays(3))));
    }

    public Instant acceptBy(String priority, Instant assignedAt) {
        return assignedAt.plus(limit(priority).accept());
    }

    public Instant resolveBy(String priority, Instant assignedAt) {
        return assignedAt.plus(limit(priority).resolve());
    }

    public Limit limitOf(String priority) {
        return limit(priority);
    }

    private Limit limit(String priority) {
        Limit limit = byPriority.get(priority);
        if (limit == null) {
            throw new IllegalArgumentException("no time limits for priority " + priority);
        }
        return limit;
    }
}
