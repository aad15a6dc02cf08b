package org.hotline12345.analytics.overview;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The tickets received in a period and how far they have got. Every figure is a count of tickets (or of returns and
 * escalations), never a rate: the rates are in the time-limit figures and the three rates.
 *
 * @param received tickets registered in the period
 * @param resolvedAtIntake of those, answered on the call (first-contact resolution)
 * @param assigned of those, dispatched to a unit
 * @param accepted of those, signed for by their unit
 * @param acceptedOnTime of those, signed for within the accept limit (按时签收数, a count)
 * @param resolved of those, resolved by their unit
 * @param closed of those, archived
 * @param returns returns (退单) of those tickets
 * @param escalations escalations (督办) of those tickets
 */
public record Overview(LocalDate from, LocalDate to, long received, long resolvedAtIntake, long assigned,
        long accepted, long acceptedOnTime, long resolved, long closed, long returns, long escalations) {

    static final String CSV_HEADER = "from,to,received,resolvedAtIntake,assigned,accepted,acceptedOnTime,resolved,"
            + "closed,returns,escalations";

    List<?> cells() {
        return Arrays.asList(from, to, received, resolvedAtIntake, assigned, accepted, acceptedOnTime, resolved,
                closed, returns, escalations);
    }
}
