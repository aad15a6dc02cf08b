package org.hotline12345.analytics.deadlines;

import java.util.Arrays;
import java.util.List;

/**
 * One group's time-limit figures for tickets received in the period. Rates are percentages, {@code null} when
 * there is nothing to count; hours are decimal.
 *
 * @param acceptedOnTime assigned tickets signed for within the accept limit (按时签收数, a count)
 * @param onTimeAcceptanceRate {@code acceptedOnTime} in percent of {@code assigned}: the response rate (响应率) of
 *     the three rates, the same measure as their {@code responseRate}
 * @param onTimeResolutionRate resolved within the resolve limit, in percent of those resolved (按时办结率)
 * @param overdueNow overdue now (超期): its unit is past the deadline to sign for it or to resolve it
 *     ({@link org.hotline12345.contracts.Overdue})
 * @param averageHandlingHours from assignment to resolution
 * @param givenToUnit tickets dispatched to the group (for a unit: every ticket it was ever given)
 * @param returned of those, returned (for a unit: returned by that unit); a count (退单数), and {@code returnRate}
 *     its percent of {@code givenToUnit} (退单率)
 * @param repeats repeat calls about an open ticket
 * @param resolvedAtIntake answered on the call: first-contact resolution
 */
public record TimeLimits(String group, long received, long assigned, long acceptedOnTime, Double onTimeAcceptanceRate,
        long resolved, long resolvedOnTime, Double onTimeResolutionRate, long overdueNow,
        Double averageHandlingHours, Double medianHandlingHours, Double p90HandlingHours, long givenToUnit,
        long returned, Double returnRate, long repeats, Double repeatRate, long resolvedAtIntake,
        Double firstContactResolutionRate) {

    static final String CSV_HEADER = "group,received,assigned,acceptedOnTime,onTimeAcceptanceRate,resolved,"
            + "resolvedOnTime,onTimeResolutionRate,overdueNow,averageHandlingHours,medianHandlingHours,"
            + "p90HandlingHours,givenToUnit,returned,returnRate,repeats,repeatRate,resolvedAtIntake,"
            + "firstContactResolutionRate";

    List<?> cells() {
        return Arrays.asList(group, received, assigned, acceptedOnTime, onTimeAcceptanceRate, resolved,
                resolvedOnTime, onTimeResolutionRate, overdueNow, averageHandlingHours, medianHandlingHours,
                p90HandlingHours, givenToUnit, returned, returnRate, repeats, repeatRate, resolvedAtIntake,
                firstContactResolutionRate);
    }
}
