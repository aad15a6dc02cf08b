package org.hotline12345.analytics.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.junit.jupiter.api.Test;

class TimeLimitFiguresTest {

    private static final Instant NOW = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void takesTheNearestRankPercentile() {
        List<Double> hours = List.of(10.0, 20.0, 30.0, 200.0);

        assertThat(TimeLimitFigures.percentile(hours, 50)).isEqualTo(20.0);
        assertThat(TimeLimitFigures.percentile(hours, 90)).isEqualTo(200.0);
        assertThat(TimeLimitFigures.percentile(List.of(7.5), 90)).isEqualTo(7.5);
        assertThat(TimeLimitFigures.percentile(List.of(), 50)).isNull();
    }

    @Test
    void countsAsOverdueOnlyAnOpenTicketPastItsDeadline() {
        Document open = new Document("assigned", true).append("acceptedAt", Date.from(NOW.minusSeconds(86_400)))
                .append("resolveBy", Date.from(NOW.minusSeconds(60)));

        assertThat(Fact.from(open).overdueAt(NOW)).isTrue();
        assertThat(Fact.from(new Document(open).append("resolveBy", Date.from(NOW.plusSeconds(60))))
                .overdueAt(NOW)).isFalse();
        assertThat(Fact.from(new Document(open).append("closed", true)).overdueAt(NOW)).isFalse();
        Document resolved = new Document(open).append("resolvedAt", Date.from(NOW.minusSeconds(3_600)));
        assertThat(Fact.from(resolved).overdueAt(NOW)).isFalse();
        assertThat(Fact.from(new Document(resolved).append("reopenedAt", Date.from(NOW.minusSeconds(1_800))))
                .overdueAt(NOW)).isTrue();
    }

    @Test
    void countsATicketItsUnitHasNotSignedForPastItsAcceptDeadlineAsOverdueAsRoutingDoes() {
        Document waiting = new Document("assigned", true).append("acceptBy", Date.from(NOW.minusSeconds(60)))
                .append("resolveBy", Date.from(NOW.plusSeconds(6 * 86_400)));

        assertThat(Fact.from(waiting).overdueAt(NOW)).isTrue();
        assertThat(Fact.from(new Document(waiting).append("acceptBy", Date.from(NOW.plusSeconds(60))))
                .overdueAt(NOW)).isFalse();
        assertThat(Fact.from(new Document(waiting).append("acceptedAt", Date.from(NOW.minusSeconds(30))))
                .overdueAt(NOW)).as("signed for late, with days left to resolve it").isFalse();
        assertThat(Fact.from(new Document(waiting).append("returnedAt", Date.from(NOW.minusSeconds(30))))
                .overdueAt(NOW)).as("returned, waiting for the centre to dispatch it again").isFalse();
    }

    @Test
    void givesRatesAsPercentagesAndNothingWhereThereIsNothingToCount() {
        TimeLimitFigures figures = new TimeLimitFigures("ALL");
        figures.add(Fact.from(new Document("assigned", true).append("acceptedOnTime", true)
                .append("assignedAt", Date.from(NOW.minusSeconds(7_200))).append("resolvedAt", Date.from(NOW))
                .append("resolvedOnTime", true)), NOW);
        figures.add(Fact.from(new Document("resolvedAtIntake", true)), NOW);

        TimeLimits result = figures.result();

        assertThat(result.onTimeAcceptanceRate()).isEqualTo(100.0);
        assertThat(result.averageHandlingHours()).isEqualTo(2.0);
        assertThat(result.firstContactResolutionRate()).isEqualTo(50.0);
        assertThat(result.returnRate()).isNull();
    }
}
