package org.hotline12345.analytics.rates;

/**
 * The counts behind the three rates for one group (a unit, grid, district or category) in one period, and the
 * rates they give. A rate with nothing to count is {@code null}, not zero.
 *
 * @param assigned tickets dispatched to a unit
 * @param acceptedOnTime of those, signed for within the accept limit
 * @param rated tickets the citizen rated
 * @param solved of those, rated "solved"
 * @param satisfied of those, rated satisfied or basically satisfied
 */
public record RateCounts(String group, String period, long received, long assigned, long acceptedOnTime,
        long rated, long solved, long satisfied) {

    /** Weights of the composite score (Beijing's 接诉即办): response, resolution, satisfaction. */
    static final double RESPONSE_WEIGHT = 0.10;
    static final double RESOLUTION_WEIGHT = 0.45;
    static final double SATISFACTION_WEIGHT = 0.45;

    public Double responseRate() {
        return share(acceptedOnTime, assigned);
    }

    public Double resolutionRate() {
        return share(solved, rated);
    }

    public Double satisfactionRate() {
        return share(satisfied, rated);
    }

    /**
     * 10% response + 45% resolution + 45% satisfaction, in percent; {@code null} until the group has both
     * assigned and rated tickets.
     */
    public Double composite() {
        Double response = responseRate();
        Double resolution = resolutionRate();
        Double satisfaction = satisfactionRate();
        if (response == null || resolution == null || satisfaction == null) {
            return null;
        }
        return round(RESPONSE_WEIGHT * response + RESOLUTION_WEIGHT * resolution + SATISFACTION_WEIGHT * satisfaction);
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round(100.0 * part / whole);
    }

    private static double round(double percent) {
        return Math.round(percent * 100) / 100.0;
    }
}
