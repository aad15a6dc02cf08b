package org.hotline12345.analytics.rates;

/**
 * A unit's place in a month's ranking by composite score, and how it moved since the previous month
 * ({@code null} where the unit was not ranked then). A unit that handled tickets in the month but has no composite
 * yet (none of its tickets rated) is listed after the ranked ones with {@code rank}, {@code composite} and the rates
 * it lacks {@code null}: it is in the month's table, only not placed by a score it does not have.
 *
 * @param assigned tickets received in the month and dispatched to the unit that holds them now
 * @param resolved of those, resolved by that unit, rated or not
 * @param rated of those, rated by the citizen
 */
public record RankingEntry(Integer rank, String unitId, String unitName, Double composite, Double responseRate,
        Double resolutionRate, Double satisfactionRate, long assigned, long resolved, long rated,
        Integer previousRank, Double compositeChange) {
}
