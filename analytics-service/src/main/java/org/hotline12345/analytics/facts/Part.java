package org.hotline12345.analytics.facts;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * What happened to a supporting unit's part of a ticket (协办): given, signed for, answered to the lead or waived by
 * the centre, as a ticket's fact keeps it in its set of {@link Fact.Fields#PARTS}: {@code {e: event id, k: kind, u:
 * supporting unit, late, at: when}}. The event id makes each a value of its own in that set, so the parts of two
 * assignments stay two while one event delivered twice is one.
 *
 * @param unitId the supporting unit whose part it is; never the lead
 * @param late signed for after the part's accept deadline, answered after its due date, or waived when its due date
 *     had passed; {@code false} for a part given
 */
public record Part(Kind kind, String unitId, boolean late, Instant at) {

    /** What happened to the part. */
    public enum Kind {
        /** The supporting unit was given its part (协办派单). */
        ASSIGNED,
        /** The supporting unit signed for its part (协办签收). */
        ACCEPTED,
        /** The supporting unit sent its part of the answer to the lead (协办答复). */
        ANSWERED,
        /** The centre waived the part: the lead may resolve without it. */
        WAIVED
    }

    private static final String EVENT = "e";
    private static final String KIND = "k";
    private static final String UNIT = "u";
    private static final String LATE = "late";
    private static final String AT = "at";

    /** The value the event {@code eventId} adds to its fact's set of parts. */
    static Document of(String eventId, Kind kind, String supportingUnitId, boolean late, Instant at) {
        return new Document(EVENT, eventId).append(KIND, kind.name()).append(UNIT, supportingUnitId)
                .append(LATE, late).append(AT, at == null ? null : Date.from(at));
    }

    /** The part a stored value holds; {@code null} for a kind this release does not know, or no unit. */
    static Part from(Document stored) {
        String kind = stored.getString(KIND);
        String unit = stored.getString(UNIT);
        if (kind == null || unit == null) {
            return null;
        }
        Object at = stored.get(AT);
        Instant when = at instanceof Date date ? date.toInstant() : at instanceof Instant instant ? instant : null;
        try {
            return new Part(Kind.valueOf(kind), unit, Boolean.TRUE.equals(stored.get(LATE)), when);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
