package org.hotline12345.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketResolved;
import org.junit.jupiter.api.Test;

class FactUpdatesTest {

    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-27T17:30:00Z");

    @Test
    void countsAReturnAgainstTheTicket() {
        var change = FactUpdates.of(new TicketRejected("e1", LATE_EVENING_UTC, "t1", "URBAN_MGMT", "NOT_OURS", ""));

        assertThat(change.increment()).containsEntry("returns", 1);
        assertThat(change.set()).isEmpty();
    }

    @Test
    void recordsTheResultAndWhetherItWasOnTime() {
        var change = FactUpdates.of(new TicketResolved("e2", LATE_EVENING_UTC, "t1", "URBAN_MGMT",
                ResolutionResult.PARTLY_SOLVED, "reply", false));

        assertThat(change.set()).containsEntry("result", "PARTLY_SOLVED").containsEntry("resolvedOnTime", false);
    }

    @Test
    void countsBasicallySatisfiedAsSatisfied() {
        var change = FactUpdates.of(new FeedbackReceived("e3", LATE_EVENING_UTC, "t1", true,
                Satisfaction.BASICALLY_SATISFIED, "SMS"));

        assertThat(change.set()).containsEntry("satisfied", true).containsEntry("solved", true)
                .containsEntry("rated", true);
    }

    @Test
    void countsDaysInTheCitysCalendar() {
        assertThat(FactUpdates.day(LATE_EVENING_UTC)).isEqualTo("2026-11-28");
    }
}
