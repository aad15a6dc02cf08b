package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private final QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), CITY);

    @Test
    void sendsDuringTheDay() {
        Instant afternoon = Instant.parse("2026-11-28T07:00:00Z");

        assertThat(quiet.notBefore(afternoon, false)).isEqualTo(afternoon);
    }

    @Test
    void holdsALateEveningTextUntilTheNextMorning() {
        assertThat(quiet.notBefore(Instant.parse("2026-11-28T15:30:00Z"), false))
                .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void holdsAnEarlyMorningTextUntilEightTheSameMorning() {
        assertThat(quiet.notBefore(Instant.parse("2026-11-28T21:10:00Z"), false))
                .isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void sendsUrgentTextsAtAnyHour() {
        Instant night = Instant.parse("2026-11-28T18:00:00Z");

        assertThat(quiet.notBefore(night, true)).isEqualTo(night);
    }

    @Test
    void hasNoQuietHoursWhenTheyStartWhenTheyEnd() {
        Instant night = Instant.parse("2026-11-28T18:00:00Z");

        assertThat(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, CITY).notBefore(night, false))
                .isEqualTo(night);
    }
}
