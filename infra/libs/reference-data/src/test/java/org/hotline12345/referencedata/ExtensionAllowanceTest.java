package org.hotline12345.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExtensionAllowanceTest {

    @Test
    void coversTheFirstExtensionOfAtMostThreeDaysByDefault() {
        ExtensionAllowance allowance = ExtensionAllowance.DEFAULT;

        assertThat(allowance.covers(0, Duration.ofDays(3))).isTrue();
        assertThat(allowance.covers(0, Duration.ofDays(3).plusSeconds(1))).isFalse();
        assertThat(allowance.covers(1, Duration.ofHours(1))).isFalse();
    }

    @Test
    void coversNothingWhereEveryExtensionNeedsTheCentre() {
        assertThat(new ExtensionAllowance(0, Duration.ofDays(3)).covers(0, Duration.ofMinutes(1))).isFalse();
    }
}
