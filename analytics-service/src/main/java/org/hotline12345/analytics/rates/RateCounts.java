package org.hotline12345.analytics.rates;

/**
 * The counts behind the three rates for one group (a unit, grid, district or category) in one period, and the
 * rates they give. A rate with nothing to count is {@code null}, not zero.
 *
 * @param received tickets received in the period (a count)
 * @param assigned of those, dispatched to a unit (a count)
 * @param acceptedOnTime of those, signed for within the accept limit (按时签收数, a count; as a share of
 *     {@code assigned} it is the response rate, 响应率)
 * @param rated tickets the citizen rated (a count)
 * @param solved of those, rated "solved" (a count)
 * @param satisfied of those, rated satisfied or basically satisfied (a count)
 * @param resolved tickets their unit resolved (办结数, a count), rated or not
 */
public record RateCounts(String group, String period, long received, long assigned, long acceptedOnTime,
        long rated, long solved, long satisfied, long resolved) {

    /** Weights of the composite score (Beijing's 接诉即办): response, resolution, satisfaction. */
    static final double RESPONSE_WEIGHT = 0.10;
    static final double RESOLUTION_WEIGHT = 0.45;
    static final double SATISFACTION_WEIGHT = 0.45;

    /** 响应率: signed for on time, in percent of the tickets assigned. */
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
