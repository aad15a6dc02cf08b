package org.hotline12345.analytics.parts;

import java.util.Arrays;
import java.util.List;

/**
 * The parts one supporting unit (or, as {@code ALL}, every supporting unit in the city) was given of tickets
 * received in one month, and what became of them. Rates are percentages, {@code null} when there is nothing to count.
 *
 * @param group the supporting unit, or {@code ALL} for the whole city
 * @param unitName the unit's name in Chinese; {@code null} for the city
 * @param month the month of receipt of the tickets, {@code yyyy-MM}
 * @param partsAssigned parts given (协办派单), one per ticket's assignment the unit supports
 * @param partsAcceptedOnTime of those, signed for by the part's accept deadline (协办按时签收)
 * @param acceptedOnTimeRate {@code partsAcceptedOnTime} in percent of {@code partsAssigned}
 * @param partsAnswered parts whose answer the unit sent to the lead (协办答复)
 * @param partsAnsweredOnTime of those, sent by the part's due date
 * @param partsWaived parts the centre waived (协办免除), so the lead resolved without them
 * @param partsWaivedOverdue of those, waived when the part's due date had passed
 * @param answeredOnTimeRate {@code partsAnsweredOnTime} in percent of the parts that came due: answered, or waived
 *     after their due date; a part waived before it was due is held neither for nor against the unit
 */
public record PartFigures(String group, String unitName, String month, long partsAssigned, long partsAcceptedOnTime,
        Double acceptedOnTimeRate, long partsAnswered, long partsAnsweredOnTime, long partsWaived,
        long partsWaivedOverdue, Double answeredOnTimeRate) {

    static final String CSV_HEADER = "group,unitName,month,partsAssigned,partsAcceptedOnTime,acceptedOnTimeRate,"
            + "partsAnswered,partsAnsweredOnTime,partsWaived,partsWaivedOverdue,answeredOnTimeRate";

    List<?> cells() {
        return Arrays.asList(group, unitName, month, partsAssigned, partsAcceptedOnTime, acceptedOnTimeRate,
                partsAnswered, partsAnsweredOnTime, partsWaived, partsWaivedOverdue, answeredOnTimeRate);
    }

    /** Whether the unit was given no part and none of its parts came to an end in the month. */
    boolean isEmpty() {
        return partsAssigned == 0 && partsAcceptedOnTime == 0 && partsAnswered == 0 && partsWaived == 0;
    }
}
