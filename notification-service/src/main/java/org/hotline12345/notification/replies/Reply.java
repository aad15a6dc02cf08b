package org.hotline12345.notification.replies;

import org.hotline12345.contracts.Satisfaction;

/**
 * What a citizen's text says.
 *
 * @param kind {@link Kind#RATING}, {@link Kind#OPT_OUT} or {@link Kind#UNCLEAR}
 * @param solved for a rating, whether the citizen says the problem is solved
 * @param satisfaction for a rating, how satisfied the citizen is
 */
public record Reply(Kind kind, boolean solved, Satisfaction satisfaction) {

    public enum Kind {
        RATING,
        OPT_OUT,
        UNCLEAR
    }

    static Reply rating(boolean solved, Satisfaction satisfaction) {
        return new Reply(Kind.RATING, solved, satisfaction);
    }

    static final Reply OPT_OUT = new Reply(Kind.OPT_OUT, false, null);
    static final Reply UNCLEAR = new Reply(Kind.UNCLEAR, false, null);
}
