package org.hotline12345.analytics.rates;

/**
 * A unit's place in a month's ranking by composite score, and how it moved since the previous month
 * ({@code null} where the unit was not ranked then).
 */
public record RankingEntry(int rank, String unitId, String unitName, Double composite, Double responseRate,
        Double resolutionRate, Double satisfactionRate, long assigned, long rated, Integer previousRank,
        Double compositeChange) {
}
