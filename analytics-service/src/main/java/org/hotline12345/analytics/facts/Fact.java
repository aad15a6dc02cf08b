package org.hotline12345.analytics.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.hotline12345.contracts.Overdue;

/**
 * One ticket as analytics counts it, read from its fact document. A question reads only the fields it needs, so a
 * field it did not ask for reads as absent: {@code null}, {@code false}, zero or empty.
 *
 * @param receivedDay the city's day of receipt, {@code yyyy-MM-dd}
 * @param receivedHour the city's hour of receipt, {@code 00} to {@code 23}
 * @param linkedTo the open ticket a repeat call is about, or the first report of the same incident
 * @param placedGridId the grid the ticket's point lies in, also for tickets no unit is given
 * @param gridId the grid routing assigned the ticket in
 * @param acceptedOnTime signed for within the accept limit by the unit that holds it now
 * @param satisfied rated satisfied or basically satisfied
 * @param returns returns (退单) of the ticket by any unit
 * @param escalations escalations (督办) of the ticket
 * @param acceptBy the accept deadline of the ticket's latest assignment
 * @param returnedAt when a unit last returned the ticket, until it is dispatched again
 * @param answeredFromArticle the knowledge article a call answered on the spot was answered with (直办)
 * @param questionWords the key words of a question not answered on the call ({@link QuestionWords}); empty for
 *     any other ticket
 * @param operator the operator who registered the call at the console; {@code null} for the other channels
 * @param decisions the units' returns and requests for more time, and the centre's decisions on them
 * @param channel how the ticket came in ({@code PHONE}, {@code WEB}, ...)
 * @param callSatisfaction how satisfied the citizen was with how their call was taken (受理), once per ticket; apart
 *     from the rating of the handling, which is {@code rated}, {@code solved} and {@code satisfied}
 * @param parts what happened to the supporting units' parts (协办): given, signed for, answered, waived
 */
public record Fact(String id, String ticketNumber, String category, String receivedDay, String receivedHour,
        boolean resolvedAtIntake, boolean repeat, String linkedTo, String placedGridId, String unitId,
        String district, String gridId, boolean assigned, Instant assignedAt, Instant acceptedAt,
        boolean acceptedOnTime, Instant resolveBy, Instant resolvedAt, boolean resolvedOnTime, Instant reopenedAt,
        boolean closed, boolean rated, boolean solved, boolean satisfied, long returns, long escalations,
        List<String> assignedUnits, List<String> returnedBy, Instant acceptBy, Instant returnedAt,
        String answeredFromArticle, List<String> questionWords, String operator, List<Decision> decisions,
        String channel, String callSatisfaction, List<Part> parts) {

    /** The names of a fact document's fields, for updates and queries. */
    public static final class Fields {
        public static final String ID = "_id";
        public static final String TICKET_NUMBER = "ticketNumber";
        public static final String CHANNEL = "channel";
        public static final String CATEGORY = "category";
        public static final String URGENCY = "urgency";
        public static final String RECEIVED_AT = "receivedAt";
        public static final String RECEIVED_DAY = "receivedDay";
        public static final String RECEIVED_WEEK = "receivedWeek";
        public static final String RECEIVED_MONTH = "receivedMonth";
        public static final String RECEIVED_HOUR = "receivedHour";
        public static final String RESOLVED_AT_INTAKE = "resolvedAtIntake";
        /** The knowledge article (and its version) a call answered on the spot was answered with (直办). */
        public static final String ANSWERED_FROM_ARTICLE = "answeredFromArticle";
        public static final String ANSWERED_FROM_VERSION = "answeredFromVersion";
        /**
         * The day of receipt of a question not answered on the call, absent for any other ticket: the gaps of the
         * knowledge base (知识缺口) are read through the sparse index on it, never by reading every ticket's fact.
         */
        public static final String QUESTION_DAY = "questionDay";
        /** The key words of such a question ({@link QuestionWords}). */
        public static final String QUESTION_WORDS = "questionWords";
        /** The operator who registered the call at the console. */
        public static final String OPERATOR = "operator";
        public static final String REPEAT = "repeat";
        public static final String LINKED_TO = "linkedTo";
        public static final String LAT = "lat";
        public static final String LON = "lon";
        public static final String PLACED_GRID_ID = "placedGridId";
        public static final String UNIT_ID = "unitId";
        public static final String DISTRICT = "district";
        public static final String GRID_ID = "gridId";
        public static final String PRIORITY = "priority";
        public static final String ASSIGNED = "assigned";
        public static final String ASSIGNED_AT = "assignedAt";
        public static final String ACCEPT_BY = "acceptBy";
        public static final String RESOLVE_BY = "resolveBy";
        /** The resolve deadline of a ticket not yet closed, absent once it closes: the overdue gauge reads these. */
        public static final String OPEN_RESOLVE_BY = "openResolveBy";
        /**
         * The accept deadline of a ticket its unit has not signed for, absent once it is signed for, returned or
         * closed: the overdue gauge reads these too.
         */
        public static final String OPEN_ACCEPT_BY = "openAcceptBy";
        public static final String ASSIGNMENTS = "assignments";
        public static final String ASSIGNED_UNITS = "assignedUnits";
        public static final String ACCEPTED_AT = "acceptedAt";
        public static final String ACCEPTED_ON_TIME = "acceptedOnTime";
        public static final String RETURNS = "returns";
        public static final String RETURNED_BY = "returnedBy";
        /** When a unit last returned the ticket; cleared when it is dispatched again. */
        public static final String RETURNED_AT = "returnedAt";
        public static final String EXTENSIONS = "extensions";
        /** The units' returns and requests for more time and the centre's decisions on them ({@link Decision}). */
        public static final String DECISIONS = "decisions";
        /** What happened to the supporting units' parts of the ticket ({@link Part}). */
        public static final String PARTS = "parts";
        public static final String RESOLVED_AT = "resolvedAt";
        public static final String RESOLVED_ON_TIME = "resolvedOnTime";
        public static final String RESULT = "result";
        public static final String ESCALATIONS = "escalations";
        public static final String REOPENINGS = "reopenings";
        public static final String REOPENED_AT = "reopenedAt";
        public static final String CLOSED_AT = "closedAt";
        public static final String CLOSE_REASON = "closeReason";
        public static final String CLOSED = "closed";
        public static final String RATED = "rated";
        public static final String SOLVED = "solved";
        public static final String SATISFACTION = "satisfaction";
        public static final String SATISFIED = "satisfied";
        /** The resolution round the rating answers: a later round's rating is never replaced by an earlier one's. */
        public static final String RATED_ROUND = "ratedRound";
        /** How satisfied the citizen was with how their call was taken (受理): not a rating of the handling. */
        public static final String CALL_SATISFACTION = "callSatisfaction";
        public static final String TEXTS = "texts";
        public static final String EVENT_IDS = "eventIds";
        public static final String UPDATED_AT = "updatedAt";
        /**
         * Present, and {@code true}, while a change to a field the rollups count is not counted into them yet: the
         * refresh finds such facts by the sparse index on it and removes it once it counted them.
         */
        public static final String PENDING = "pending";
        /**
         * How often a field the rollups count changed: the refresh clears {@link #PENDING} only of a fact still at
         * the version it counted, so a change meanwhile stays pending.
         */
        public static final String VERSION = "version";
        /**
         * The {@link Fact#COUNTED_FIELDS} as the rollups last counted them, empty for a fact they never counted. A
         * fact stored before rollups were kept this way lacks it; its day is counted again whole when it changes.
         */
        public static final String COUNTED = "counted";

        private Fields() {
        }
    }

    /** The fields rollups count facts by; a change to one of them is what makes a fact {@link Fields#PENDING}. */
    public static final List<String> COUNTED_FIELDS = List.of(Fields.RECEIVED_DAY, Fields.RECEIVED_HOUR,
            Fields.UNIT_ID, Fields.GRID_ID, Fields.DISTRICT, Fields.CATEGORY, Fields.ASSIGNED,
            Fields.ACCEPTED_ON_TIME, Fields.RATED, Fields.SOLVED, Fields.SATISFIED, Fields.RESOLVED_AT_INTAKE,
            Fields.ACCEPTED_AT, Fields.RESOLVED_AT, Fields.CLOSED, Fields.RETURNS, Fields.ESCALATIONS,
            Fields.ANSWERED_FROM_ARTICLE, Fields.OPERATOR, Fields.DECISIONS, Fields.ASSIGNED_AT,
            Fields.REOPENED_AT, Fields.CHANNEL, Fields.CALL_SATISFACTION, Fields.PARTS);

    /** The fact a document holds; fields the document lacks read as absent. */
    public static Fact from(Document fact) {
        return new Fact(fact.getString(Fields.ID), fact.getString(Fields.TICKET_NUMBER),
                fact.getString(Fields.CATEGORY), fact.getString(Fields.RECEIVED_DAY),
                fact.getString(Fields.RECEIVED_HOUR), flag(fact, Fields.RESOLVED_AT_INTAKE),
                flag(fact, Fields.REPEAT), fact.getString(Fields.LINKED_TO), fact.getString(Fields.PLACED_GRID_ID),
                fact.getString(Fields.UNIT_ID), fact.getString(Fields.DISTRICT), fact.getString(Fields.GRID_ID),
                flag(fact, Fields.ASSIGNED), instant(fact, Fields.ASSIGNED_AT), instant(fact, Fields.ACCEPTED_AT),
                flag(fact, Fields.ACCEPTED_ON_TIME), instant(fact, Fields.RESOLVE_BY),
                instant(fact, Fields.RESOLVED_AT), flag(fact, Fields.RESOLVED_ON_TIME),
                instant(fact, Fields.REOPENED_AT), flag(fact, Fields.CLOSED), flag(fact, Fields.RATED),
                flag(fact, Fields.SOLVED), flag(fact, Fields.SATISFIED), number(fact, Fields.RETURNS),
                number(fact, Fields.ESCALATIONS), fact.getList(Fields.ASSIGNED_UNITS, String.class, List.of()),
                fact.getList(Fields.RETURNED_BY, String.class, List.of()), instant(fact, Fields.ACCEPT_BY),
                instant(fact, Fields.RETURNED_AT), fact.getString(Fields.ANSWERED_FROM_ARTICLE),
                fact.getList(Fields.QUESTION_WORDS, String.class, List.of()), fact.getString(Fields.OPERATOR),
                fact.getList(Fields.DECISIONS, Document.class, List.of()).stream().map(Decision::from)
                        .filter(Objects::nonNull).toList(), fact.getString(Fields.CHANNEL),
                fact.getString(Fields.CALL_SATISFACTION),
                fact.getList(Fields.PARTS, Document.class, List.of()).stream().map(Part::from)
                        .filter(Objects::nonNull).toList());
    }

    /**
     * How many of the ticket's parts had {@code kind} happen to them, of {@code unit} ({@code null}: of every
     * supporting unit); with {@code lateOnly}, only those late.
     */
    public long parts(Part.Kind kind, String unit, boolean lateOnly) {
        return parts.stream().filter(p -> p.kind() == kind && (unit == null || unit.equals(p.unitId()))
                && (!lateOnly || p.late())).count();
    }

    /** The units that supported the ticket (协办单位), each once, in the order they first appear. */
    public List<String> supportingUnits() {
        return parts.stream().map(Part::unitId).distinct().toList();
    }

    /** How many of the ticket's decisions are of {@code kind} about {@code unit}; about any unit for {@code null}. */
    public long decisions(Decision.Kind kind, String unit) {
        return decisions.stream().filter(d -> d.kind() == kind && (unit == null || unit.equals(d.unitId())))
                .count();
    }

    /** The units that returned the ticket or asked for more time on it, each once, in the order they first did. */
    public List<String> decidedUnits() {
        return decisions.stream().map(Decision::unitId).distinct().toList();
    }

    /**
     * Whether the ticket went round (returned twice or more, by any units), and {@code unit} (unless {@code null})
     * is one that returned it.
     */
    public boolean wentRound(String unit) {
        return returns >= 2 && (unit == null || decisions(Decision.Kind.RETURNED, unit) > 0);
    }

    /**
     * From the first return of the ticket ({@code unit}'s first, unless {@code null}) to when the unit that resolved
     * it last came to hold it: its assignment, or the centre's rejection of its own return, which sent the ticket
     * back to it, whichever came later. {@code null} while the ticket is not resolved (or was reopened since), and
     * for a ticket never returned (by {@code unit}).
     */
    public Duration toRightUnit(String unit) {
        boolean resolved = resolvedAt != null && (reopenedAt == null || !reopenedAt.isAfter(resolvedAt));
        if (!resolved || unitId == null || assignedAt == null) {
            return null;
        }
        Instant returned = decisions.stream().filter(d -> d.kind() == Decision.Kind.RETURNED && d.at() != null
                && (unit == null || unit.equals(d.unitId()))).map(Decision::at).min(Instant::compareTo).orElse(null);
        if (returned == null) {
            return null;
        }
        Instant held = decisions.stream().filter(d -> d.kind() == Decision.Kind.REJECTED && d.at() != null
                && unitId.equals(d.unitId())).map(Decision::at).filter(assignedAt::isBefore)
                .max(Instant::compareTo).orElse(assignedAt);
        return held.isBefore(returned) ? Duration.ZERO : Duration.between(returned, held);
    }

    /** The grid routing assigned the ticket in, else the grid its point lies in. */
    public String grid() {
        return gridId != null ? gridId : placedGridId;
    }

    /**
     * The deadline that runs for the ticket, told from what happened to it as routing's status would tell it: none
     * before a unit is given it, after it is returned and until it is dispatched again, once it is resolved (until
     * it is reopened) and once it is closed; else the accept deadline until its unit signs for it, then the resolve
     * deadline.
     */
    public Overdue.Running runningDeadline() {
        boolean resolved = resolvedAt != null && (reopenedAt == null || !reopenedAt.isAfter(resolvedAt));
        if (!assigned || closed || resolvedAtIntake || returnedAt != null || resolved) {
            return Overdue.Running.NONE;
        }
        return acceptedAt == null ? Overdue.Running.ACCEPT : Overdue.Running.RESOLVE;
    }

    /** Overdue at {@code now}, as {@link Overdue} defines it for routing's lists too. */
    public boolean overdueAt(Instant now) {
        return Overdue.at(runningDeadline(), acceptBy, resolveBy, now);
    }

    private static boolean flag(Document fact, String field) {
        return Boolean.TRUE.equals(fact.get(field));
    }

    private static long number(Document fact, String field) {
        return fact.get(field) instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Document fact, String field) {
        Object value = fact.get(field);
        return value instanceof Date date ? date.toInstant() : value instanceof Instant i ? i : null;
    }
}
