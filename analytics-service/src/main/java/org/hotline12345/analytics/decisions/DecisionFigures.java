package org.hotline12345.analytics.decisions;

import java.util.Arrays;
import java.util.List;

/**
 * The centre's decisions about one unit (or, as {@code ALL}, the whole city) for tickets received in one month.
 * Rates are percentages and hours decimal, {@code null} when there is nothing to count.
 *
 * @param group the unit, or {@code ALL} for the whole city
 * @param unitName the unit's name in Chinese; {@code null} for the city
 * @param month the month of receipt of the tickets, {@code yyyy-MM}
 * @param returnsMade returns (退单) the unit made; a return still waiting for the centre, or re-routed at once where
 *     the city does not review returns, is neither upheld nor rejected
 * @param returnsUpheld of those, upheld by the centre: the ticket went to another unit
 * @param returnsRejected of those, rejected by the centre: the ticket stayed the unit's
 * @param upheldRate {@code returnsUpheld} in percent of the returns the centre decided
 * @param extensionsAsked requests for more time that waited for the centre (延期申请); extensions the city lets a
 *     unit take on its own are no request
 * @param extensionsApproved of those, granted, to the day asked or an earlier one
 * @param extensionsShortened of those granted, granted for less time than asked
 * @param extensionsRefused of those, refused
 * @param wentRound tickets returned twice or more (by any units; for a unit, those it returned)
 * @param reachedRightUnit returned tickets resolved since (for a unit, those it returned), whose time from the return
 *     to the unit that resolved them is known
 * @param averageHoursToRightUnit their average time from the (unit's) first return to when the unit that resolved the
 *     ticket last came to hold it: by its assignment, or by the rejection of its own return
 */
public record DecisionFigures(String group, String unitName, String month, long returnsMade, long returnsUpheld,
        long returnsRejected, Double upheldRate, long extensionsAsked, long extensionsApproved,
        long extensionsShortened, long extensionsRefused, long wentRound, long reachedRightUnit,
        Double averageHoursToRightUnit) {

    static final String CSV_HEADER = "group,unitName,month,returnsMade,returnsUpheld,returnsRejected,upheldRate,"
            + "extensionsAsked,extensionsApproved,extensionsShortened,extensionsRefused,wentRound,reachedRightUnit,"
            + "averageHoursToRightUnit";

    List<?> cells() {
        return Arrays.asList(group, unitName, month, returnsMade, returnsUpheld, returnsRejected, upheldRate,
                extensionsAsked, extensionsApproved, extensionsShortened, extensionsRefused, wentRound,
                reachedRightUnit, averageHoursToRightUnit);
    }

    /** Whether the unit made no return and no request in the month. */
    boolean isEmpty() {
        return returnsMade == 0 && returnsUpheld == 0 && returnsRejected == 0 && extensionsAsked == 0
                && extensionsApproved == 0 && extensionsRefused == 0;
    }
}
