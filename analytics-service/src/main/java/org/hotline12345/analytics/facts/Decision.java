package org.hotline12345.analytics.facts;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A unit's return (退单) or request for more time (延期申请), or the centre's decision on one (退单审核, 延期审批), as
 * a ticket's fact keeps it in its set of {@link Fact.Fields#DECISIONS}: {@code {e: event id, k: kind, u: unit, at:
 * when}}. The event id makes each a value of its own in that set, so two returns of one unit stay two while one
 * event delivered twice is one.
 *
 * @param unitId the unit that returned the ticket or asked for more time, whom the centre's decision is about
 */
public record Decision(Kind kind, String unitId, Instant at) {

    /** What happened. */
    public enum Kind {
        /** The unit returned the ticket (退单). */
        RETURNED,
        /** The centre upheld the unit's return: the ticket went to another unit. */
        UPHELD,
        /** The centre rejected the unit's return: the ticket stayed the unit's. */
        REJECTED,
        /** The unit asked the centre for more time. */
        ASKED,
        /** The centre gave the unit the time it asked for. */
        APPROVED,
        /** The centre gave the unit more time, but less than it asked for. */
        SHORTENED,
        /** The centre refused the unit more time. */
        REFUSED
    }

    private static final String EVENT = "e";
    private static final String KIND = "k";
    private static final String UNIT = "u";
    private static final String AT = "at";

    /** The value the event {@code eventId} adds to its fact's set of decisions. */
    static Document of(String eventId, Kind kind, String unitId, Instant at) {
        return new Document(EVENT, eventId).append(KIND, kind.name()).append(UNIT, unitId)
                .append(AT, at == null ? null : Date.from(at));
    }

    /** The decision a stored value holds; {@code null} for a kind this release does not know, or no unit. */
    static Decision from(Document stored) {
        String kind = stored.getString(KIND);
        String unit = stored.getString(UNIT);
        if (kind == null || unit == null) {
            return null;
        }
        Object at = stored.get(AT);
        Instant when = at instanceof Date date ? date.toInstant() : at instanceof Instant instant ? instant : null;
        try {
            return new Decision(Kind.valueOf(kind), unit, when);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Whether the centre's decision gave the unit more time: as asked or shortened. */
    public boolean extensionGranted() {
        return kind == Kind.APPROVED || kind == Kind.SHORTENED;
    }
}
