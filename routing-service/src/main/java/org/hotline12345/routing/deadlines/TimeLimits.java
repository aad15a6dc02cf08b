package org.hotline12345.routing.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline12345.contracts.Priority;

/** Accept and resolve limits per priority; the defaults are the centre's (see the domain description). */
public final class TimeLimits {

    /** One priority's limits. */
    public record Limit(Duration accept, Duration resolve) {
    }

    private final Map<Priority, Limit> byPriority;

    public TimeLimits(Map<Priority, Limit> byPriority) {
        this.byPriority = Map.copyOf(byPriority);
    }

    public static TimeLimits defaults() {
        return new TimeLimits(Map.of(
                Priority.URGENT, new Limit(Duration.ofHours(2), Duration.ofHours(24)),
                Priority.HIGH, new Limit(Duration.ofHours(12), Duration.ofDays(3)),
                Priority.NORMAL, new Limit(Duration.ofHours(24), Duration.ofDays(7)),
                Priority.CONSULTATION, new Limit(Duration.ofHours(24), Duration.ofDays(3))));
    }

    public Instant acceptBy(Priority priority, Instant assignedAt) {
        return assignedAt.plus(limit(priority).accept());
    }

    public Instant resolveBy(Priority priority, Instant assignedAt) {
        return assignedAt.plus(limit(priority).resolve());
    }

    public Limit limitOf(Priority priority) {
        return limit(priority);
    }

    private Limit limit(Priority priority) {
        Limit limit = byPriority.get(priority);
        if (limit == null) {
            throw new IllegalArgumentException("no time limits for priority " + priority);
        }
        return limit;
    }
}
