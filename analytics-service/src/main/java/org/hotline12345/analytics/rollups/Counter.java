package org.hotline12345.analytics.rollups;

import java.time.Duration;
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;
import org.hotline12345.analytics.facts.Decision.Kind;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.contracts.Satisfaction;

/**
 * What a rollup counts for each group, in the order of its stored counts. New counters go at the end: a rollup
 * written before one existed reads zero for it, plus what the changes since added to it, until a
 * {@link RollupRecount recount} of its period counts its days again.
 *
 * <p>The counters of the centre's decisions count, in {@link Dimension#DECISION_UNIT}, what concerns each unit
 * alone (its returns, the decisions on them, its requests for more time); in every other dimension, the ticket's
 * whole.
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
    ANSWERED_FROM_ARTICLE(fact -> flag(fact.answeredFromArticle() != null)),
    /** Returns (退单) a unit made: the same as {@link #RETURNS} for returns made since the centre reviews them. */
    RETURNS_MADE((fact, unit) -> fact.decisions(Kind.RETURNED, unit)),
    /** Returns the centre upheld (退单审核通过): the ticket was not the returning unit's. */
    RETURNS_UPHELD((fact, unit) -> fact.decisions(Kind.UPHELD, unit)),
    /** Returns the centre rejected: the ticket stayed the returning unit's. */
    RETURNS_REJECTED((fact, unit) -> fact.decisions(Kind.REJECTED, unit)),
    /** Requests for more time that waited for the centre (延期申请); those granted at once are none. */
    EXTENSIONS_ASKED((fact, unit) -> fact.decisions(Kind.ASKED, unit)),
    /** Requests the centre granted (延期审批通过), to the date asked or a shorter one. */
    EXTENSIONS_APPROVED((fact, unit) -> fact.decisions(Kind.APPROVED, unit) + fact.decisions(Kind.SHORTENED, unit)),
    /** Of those, granted for less time than asked. */
    EXTENSIONS_SHORTENED((fact, unit) -> fact.decisions(Kind.SHORTENED, unit)),
    /** Requests the centre refused. */
    EXTENSIONS_REFUSED((fact, unit) -> fact.decisions(Kind.REFUSED, unit)),
    /** Tickets returned twice or more (went round), by any units. */
    WENT_ROUND((fact, unit) -> flag(fact.wentRound(unit))),
    /** Returned tickets resolved since, whose time from the return to the unit that resolved it is known. */
    REACHED_RIGHT_UNIT((fact, unit) -> flag(fact.toRightUnit(unit) != null)),
    /** Their times from the return to the unit that resolved them, in seconds, summed. */
    SECONDS_TO_RIGHT_UNIT((fact, unit) -> {
        Duration time = fact.toRightUnit(unit);
        return time == null ? 0 : time.toSeconds();
    }),
    /** Calls whose taking (受理) the citizen rated: apart from {@link #RATED}, the rating of the handling. */
    CALL_RATED(fact -> flag(fact.callSatisfaction() != null)),
    /** Of those, rated satisfied or basically satisfied: with {@link #CALL_RATED}, the 受理满意度. */
    CALL_SATISFIED(fact -> flag(fact.callSatisfaction() != null
            && !Satisfaction.DISSATISFIED.name().equals(fact.callSatisfaction())));

    private final ToLongBiFunction<Fact, String> count;

    Counter(ToLongFunction<Fact> count) {
        this.count = (fact, unit) -> count.applyAsLong(fact);
    }

    /** A counter of the centre's decisions, given the fact and the unit they concern ({@code null}: every unit). */
    Counter(ToLongBiFunction<Fact, String> count) {
        this.count = count;
    }

    /** What one ticket adds to this counter. */
    long of(Fact fact) {
        return of(fact, null);
    }

    /**
     * What one ticket adds to this counter in the group of {@code unit} of {@link Dimension#DECISION_UNIT}: the
     * ticket's whole for a counter not of the centre's decisions, else what concerns that unit.
     */
    long of(Fact fact, String unit) {
        return count.applyAsLong(fact, unit);
    }

    private static long flag(boolean set) {
        return set ? 1 : 0;
    }
}
