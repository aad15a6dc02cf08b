package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void saysHowLongTheIdleBaselineWasMeasuredAndWhatEachProcessUsedIdle() {
        LoadOptions options = LoadOptions.parse(new String[] {"--burst=60"});

        String section = Report.bursts(options, "./loadtest --burst=60", Map.of("intake-service", 0.026,
                "devstack", 0.19), List.of(), 100_000, 17_000, Instant.parse("2026-12-07T18:00:00Z"));

        assertThat(section).contains("measured over 30 s at a time")
                .contains("intake 0.026").contains("devstack 0.190");
    }
}
