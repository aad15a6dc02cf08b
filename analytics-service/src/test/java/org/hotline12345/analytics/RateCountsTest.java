package org.hotline12345.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.analytics.rates.RateCounts;
import org.junit.jupiter.api.Test;

class RateCountsTest {

    @Test
    void computesTheThreeRatesAndTheCompositeScore() {
        RateCounts counts = new RateCounts("URBAN_MGMT", "2026-11", 12, 10, 9, 8, 6, 7, 9);

        assertThat(counts.responseRate()).isEqualTo(90.0);
        assertThat(counts.resolutionRate()).isEqualTo(75.0);
        assertThat(counts.satisfactionRate()).isEqualTo(87.5);
        assertThat(counts.composite()).isEqualTo(82.13);
    }

    @Test
    void leavesARateWithNothingToCountEmptyRatherThanZero() {
        RateCounts counts = new RateCounts("POLICE", "2026-11", 3, 3, 1, 0, 0, 0, 1);

        assertThat(counts.responseRate()).isEqualTo(33.33);
        assertThat(counts.resolutionRate()).isNull();
        assertThat(counts.composite()).isNull();
    }
}
