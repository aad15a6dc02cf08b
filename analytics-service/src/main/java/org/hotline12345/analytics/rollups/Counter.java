package org.hotline12345.analytics.rollups;

import java.time.Duration;
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;
import org.hotline12345.analytics.facts.Decision.Kind;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Part;
import org.hotline12345.contracts.Satisfaction;

/**
 * What a rollup counts for each group, in the order of its stored counts. New counters go at the end: a rollup
 * written before one existed reads zero for it, plus what the changes since added to it, until a
 * {@link RollupRecount recount} of its period counts its days again.
 *
 * <p>The counters of the centre's decisions count, in {@link Dimension#DECISION_UNIT}, what concerns each unit
 * alone (its returns, the decisions on them, its requests for more time); in every other dimension, the ticket's
 * whole. The counters of the supporting units' parts (协办) count, in {@link Dimension#PART_UNIT}, each supporting
 * unit's own parts; in every other dimension, all the ticket's parts.
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
            && !Satisfaction.DISSATISFIED.name().equals(fact.callSatisfaction()))),
    /** Parts given to supporting units (协办), one per unit and assignment of the ticket. */
    PARTS_ASSIGNED(Dimension.PART_UNIT, (fact, unit) -> fact.parts(Part.Kind.ASSIGNED, unit, false)),
    /** Parts signed for by their accept deadline (协办按时签收). */
    PARTS_ACCEPTED_ON_TIME(Dimension.PART_UNIT, (fact, unit) -> fact.parts(Part.Kind.ACCEPTED, unit, false)
            - fact.parts(Part.Kind.ACCEPTED, unit, true)),
    /** Parts answered to the lead (协办答复), on time or late. */
    PARTS_ANSWERED(Dimension.PART_UNIT, (fact, unit) -> fact.parts(Part.Kind.ANSWERED, unit, false)),
    /** Of those, answered by the part's due date. */
    PARTS_ANSWERED_ON_TIME(Dimension.PART_UNIT, (fact, unit) -> fact.parts(Part.Kind.ANSWERED, unit, false)
            - fact.parts(Part.Kind.ANSWERED, unit, true)),
    /** Parts the centre waived (协办免除): neither answered nor late. */
    PARTS_WAIVED(Dimension.PART_UNIT, (fact, unit) -> fact.parts(Part.Kind.WAIVED, unit, false)),
    /** Of those, waived when the part's due date had passed. */
    PARTS_WAIVED_OVERDUE(Dimension.PART_UNIT, (fact, unit) -> fact.parts(Part.Kind.WAIVED, unit, true));

    private final ToLongBiFunction<Fact, String> count;
    /** The dimension whose groups this counter counts what concerns the group's unit alone in; {@code null}: none. */
    private final Dimension perUnit;

    Counter(ToLongFunction<Fact> count) {
        this(null, (fact, unit) -> count.applyAsLong(fact));
    }

    /** A counter of the centre's decisions, given the fact and the unit they concern ({@code null}: every unit). */
    Counter(ToLongBiFunction<Fact, String> count) {
        this(Dimension.DECISION_UNIT, count);
    }

    /**
     * A counter of what concerns one unit in each group of {@code perUnit}, given the fact and that unit
     * ({@code null}: every unit).
     */
    Counter(Dimension perUnit, ToLongBiFunction<Fact, String> count) {
        this.perUnit = perUnit;
        this.count = count;
    }

    /** What one ticket adds to this counter. */
    long of(Fact fact) {
        return count.applyAsLong(fact, null);
    }

    /**
     * What one ticket adds to this counter in the group {@code group} of {@code dimension}: what concerns that
     * group's unit where the counter counts per unit in the dimension, else the ticket's whole.
     */
    long of(Fact fact, Dimension dimension, String group) {
        return count.applyAsLong(fact, dimension == perUnit ? group : null);
    }

    private static long flag(boolean set) {
        return set ? 1 : 0;
    }
}
