package org.hotline12345.routing.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline12345.contracts.Priority;
import org.hotline12345.referencedata.UrgencyClass;

/**
 * Accept and resolve limits: those of the urgency class the city's folder gives a ticket's category, else those of
 * its priority (the centre's defaults, see the domain description). A ticket marked {@code URGENT} is never given
 * longer than the urgent limits, whatever its class: the operator or a rule judged it more pressing than its
 * category usually is.
 */
public final class TimeLimits {

    /** One priority's limits. */
    public record Limit(Duration accept, Duration resolve) {
    }

    /**
     * The limits an assignment runs under: its urgency class's ({@code urgencyClass} its code), or its priority's
     * ({@code urgencyClass} {@code null}). {@code warning} is how long before a deadline the ticket counts as about
     * to breach, {@code null} for a priority's limits (it is then when its unit is reminded); {@code longestResolve}
     * is how far after dispatch an extension may carry the resolve deadline with the centre's approval, {@code null}
     * where the city's allowance alone decides.
     */
    public record Terms(String urgencyClass, Duration accept, Duration resolve, Duration warning,
            Duration longestResolve) {
    }

    private final Map<Priority, Limit> byPriority;
    private final Map<String, UrgencyClass> byClass;

    public TimeLimits(Map<Priority, Limit> byPriority) {
        this(byPriority, List.of());
    }

    public TimeLimits(Map<Priority, Limit> byPriority, Collection<UrgencyClass> classes) {
        this.byPriority = Map.copyOf(byPriority);
        this.byClass = classes.stream().collect(Collectors.toUnmodifiableMap(UrgencyClass::code,
                Function.identity()));
    }

    public static TimeLimits defaults() {
        return new TimeLimits(Map.of(
                Priority.URGENT, new Limit(Duration.ofHours(2), Duration.ofHours(24)),
                Priority.HIGH, new Limit(Duration.ofHours(12), Duration.ofDays(3)),
                Priority.NORMAL, new Limit(Duration.ofHours(24), Duration.ofDays(7)),
                Priority.CONSULTATION, new Limit(Duration.ofHours(24), Duration.ofDays(3))));
    }

    /** The same priorities' limits, with the city's urgency classes. */
    public TimeLimits withClasses(Collection<UrgencyClass> classes) {
        return new TimeLimits(byPriority, classes);
    }

    /**
     * The terms of a ticket of urgency class {@code urgencyClass} ({@code null}, or a class the city no longer has:
     * its priority's) and {@code priority}.
     */
    public Terms terms(String urgencyClass, Priority priority) {
        Limit own = limit(priority);
        UrgencyClass of = urgencyClass == null ? null : byClass.get(urgencyClass);
        if (of == null) {
            return new Terms(null, own.accept(), own.resolve(), null, null);
        }
        Duration accept = of.dispatchWithin();
        Duration resolve = of.answerWithin();
        if (priority == Priority.URGENT) {
            accept = shorter(accept, own.accept());
            resolve = shorter(resolve, own.resolve());
        }
        return new Terms(of.code(), accept, resolve, of.warnWithin(), of.longestAnswer());
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

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
