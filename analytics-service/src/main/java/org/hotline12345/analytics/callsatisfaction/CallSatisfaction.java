package org.hotline12345.analytics.callsatisfaction;

import java.time.LocalDate;
import java.util.List;

/**
 * How citizens rated the taking of the calls received in a period (受理满意度), apart from how they rated the
 * handling: a ticket counts in the day it was received, as in every other figure. None of it enters the
 * satisfaction rate of the three rates, which stays the rating of the handling.
 *
 * @param received tickets registered in the period
 * @param rated of those, the ones whose citizen rated how the call was taken
 * @param satisfied of those, rated satisfied or basically satisfied
 * @param callSatisfactionRate {@code satisfied} in percent of {@code rated}; {@code null} when none was rated
 * @param byDay the same for each day a ticket was received, in order
 * @param byChannel the same for each channel that took a ticket, most rated first
 * @param byOperator the same for each operator who registered a call at the console, most rated first
 */
public record CallSatisfaction(LocalDate from, LocalDate to, long received, long rated, long satisfied,
        Double callSatisfactionRate, List<Day> byDay, List<ChannelRate> byChannel, List<OperatorRate> byOperator) {

    /** One day's calls and their ratings. */
    public record Day(String day, long received, long rated, long satisfied, Double callSatisfactionRate) {
    }

    /** One channel's tickets ({@code PHONE}, {@code WEB}, ...) and the ratings of how they were taken. */
    public record ChannelRate(String channel, long received, long rated, long satisfied,
            Double callSatisfactionRate) {
    }

    /** The calls one operator registered and the ratings of how they took them. */
    public record OperatorRate(String operator, long received, long rated, long satisfied,
            Double callSatisfactionRate) {
    }
}
