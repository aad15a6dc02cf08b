package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SustainedRateTest {

    private static final long MILLIS = 1_000;

    @Test
    void carriesARateEndToEndWhenIntakeTookItAndEveryTicketWasTextedAndCountedWithinASecond() {
        LoadTest.Row row = row(200, 200, 40 * MILLIS, pipeline(200, 200, 0, 300 * MILLIS, 600 * MILLIS));

        assertThat(row.intakeSustained()).isTrue();
        assertThat(row.pipelineKeptUp()).isTrue();
        assertThat(row.sustained()).isTrue();
    }

    @Test
    void doesNotCarryARateWhoseReceiptTextsFellBehindThoughIntakeAnsweredInTime() {
        LoadTest.Row late = row(200, 200, 40 * MILLIS, pipeline(200, 200, 0, 1_500 * MILLIS, 600 * MILLIS));
        LoadTest.Row missing = row(200, 200, 40 * MILLIS, pipeline(200, 190, 0, 300 * MILLIS, 600 * MILLIS));
        LoadTest.Row uncounted = row(200, 200, 40 * MILLIS, pipeline(200, 200, 3, 300 * MILLIS, 600 * MILLIS));
        LoadTest.Row countedLate = row(200, 200, 40 * MILLIS, pipeline(200, 200, 0, 300 * MILLIS, 2_000 * MILLIS));

        assertThat(late.intakeSustained()).isTrue();
        assertThat(late.sustained()).isFalse();
        assertThat(missing.sustained()).isFalse();
        assertThat(uncounted.sustained()).isFalse();
        assertThat(countedLate.sustained()).isFalse();
    }

    @Test
    void doesNotCarryARateWhenRoutingAssignedNothingOrACallsTicketWasNotFollowed() {
        LoadTest.Row nothingAssigned = row(200, 200, 40 * MILLIS, pipeline(200, 0, 200, 0, 300 * MILLIS,
                600 * MILLIS));
        LoadTest.Row someToTriage = row(200, 200, 40 * MILLIS, pipeline(200, 180, 200, 0, 300 * MILLIS,
                600 * MILLIS));
        LoadTest.Row unfollowed = row(200, 200, 40 * MILLIS, pipeline(190, 190, 190, 0, 300 * MILLIS,
                600 * MILLIS));

        assertThat(nothingAssigned.sustained()).isFalse();
        assertThat(someToTriage.sustained()).isTrue();
        assertThat(unfollowed.sustained()).isFalse();
    }

    @Test
    void doesNotCarryARateIntakeRefusedOrAnsweredSlowly() {
        assertThat(row(200, 190, 40 * MILLIS, pipeline(190, 190, 0, 300 * MILLIS, 600 * MILLIS)).sustained())
                .isFalse();
        assertThat(row(200, 200, 1_200 * MILLIS, pipeline(200, 200, 0, 300 * MILLIS, 600 * MILLIS)).sustained())
                .isFalse();
    }

    @Test
    void saysInTheReportWhichRateWasCarriedEndToEndAndWhyTheNextWasNot() {
        LoadTest.Row carried = row(200, 200, 40 * MILLIS, pipeline(200, 200, 0, 300 * MILLIS, 600 * MILLIS));
        LoadTest.Row behind = row(300, 300, 90 * MILLIS, pipeline(300, 300, 0, 4_000 * MILLIS, 600 * MILLIS));

        String report = Report.markdown(LoadOptions.parse(new String[] {"--rates=200,300"}),
                Map.of("intake-service", 0.02), java.util.List.of(carried, behind), 100_000, 1_200,
                java.time.Instant.parse("2026-12-08T03:00:00Z"));

        assertThat(report).contains("End-to-end capacity")
                .contains("**200 calls/s** (200.0 accepted/s, HTTP p99 40 ms)")
                .contains("| no: the pipeline fell behind |").contains("| 4.0 | 4.0 |");
    }

    /** A step of one second offering {@code due} calls, with every answer taking {@code answered} µs. */
    private static LoadTest.Row row(long due, long accepted, long answered, Pipeline.Figures pipeline) {
        OpenLoop.Step step = new OpenLoop.Step((int) due, Duration.ofSeconds(1), due, accepted, due - accepted,
                latencies(accepted, answered));
        Map<String, Double> cpu = Map.of("intake-service", 1.0, "routing-service", 1.0, "notification-service", 1.0,
                "analytics-service", 1.0, "devstack", 4.0);
        return new LoadTest.Row(step, pipeline, Map.of("routing", 0L), cpu, Map.of());
    }

    private static Pipeline.Figures pipeline(long accepted, long texted, long notCounted, long toText,
            long toCount) {
        return pipeline(accepted, accepted, texted, notCounted, toText, toCount);
    }

    /** What the pipeline gave {@code followed} calls, {@code assigned} of them assigned. */
    private static Pipeline.Figures pipeline(long followed, long assigned, long texted, long notCounted, long toText,
            long toCount) {
        return new Pipeline.Figures(latencies(assigned, toText), latencies(texted, toText),
                latencies(followed / 10, toCount), followed, followed, assigned, texted, notCounted);
    }

    private static Histogram latencies(long count, long micros) {
        Histogram histogram = new Histogram(3);
        histogram.recordValueWithCount(micros, Math.max(1, count));
        return histogram;
    }
}
