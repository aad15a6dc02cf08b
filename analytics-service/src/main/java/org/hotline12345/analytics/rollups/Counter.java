package org.hotline12345.analytics.rollups;

import java.util.function.ToLongFunction;
import org.hotline12345.analytics.facts.Fact;

/**
 * What a rollup counts for each group, in the order of its stored counts. New counters go at the end: a rollup
 * written before one existed reads zero for it, plus what the changes since added to it, until a
 * {@link RollupRecount recount} of its period counts its days again.
 */
public enum Counter {

    RECEIVED(fact -> 1),
    ASSIGNED(fact -> flag(fact.assigned())),
    ACCEPTED_ON_TIME(fact -> flag(fact.acceptedOnTime())),
    RATED(fact -> flag(fact.rated())),
    SOLVED(fact -> flag(fact.solved())),
    SATISFIED(fact -> flag(fact.satisfied())),
    RESOLVED_AT_INTAKE(fact -> flag(fact.resolvedAtIntake())),
    ACCEPTED(fact -> flag(fact.acceptedAt() != null)),
    RESOLVED(fact -> flag(fact.resolvedAt() != null)),
    CLOSED(fact -> flag(fact.closed())),
    /** Returns (退单), however many a ticket had. */
    RETURNS(Fact::returns),
    /** Escalations (督办), however many a ticket had. */
    ESCALATIONS(Fact::escalations),
    /** Answered on the call with a knowledge article (直办): the 直办率 of a category or an operator. */
    ANSWERED_FROM_ARTICLE(fact -> flag(fact.answeredFromArticle() != null));

    private final ToLongFunction<Fact> count;

    Counter(ToLongFunction<Fact> count) {
        this.count = count;
    }

    /** What one ticket adds to this counter. */
    long of(Fact fact) {
        return count.applyAsLong(fact);
    }

    private static long flag(boolean set) {
        return set ? 1 : 0;
    }
}
