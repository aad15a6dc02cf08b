package org.hotline12345.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.SampleCity;
import org.junit.jupiter.api.Test;

class FactUpdatesTest {

    private static final GridIndex GRIDS = GridIndex.of(SampleCity.load().grids());

    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-11-27T17:30:00Z");

    @Test
    void countsAReturnAgainstTheTicket() {
        var change = FactUpdates.of(new TicketRejected("e1", LATE_EVENING_UTC, "t1", "URBAN_MGMT", "NOT_OURS", ""),
                GRIDS);

        assertThat(change.increment()).containsEntry("returns", 1);
        assertThat(change.set()).isEmpty();
    }

    @Test
    void placesAReceivedTicketInTheGridOfItsPointAndLinksItToItsIncident() {
        var change = FactUpdates.of(new TicketReceived("e0", LATE_EVENING_UTC, "t2", "12345-x", Channel.PHONE, "NOISE",
                Urgency.NORMAL, "noise", new GeoPoint(26.5785, 106.7135), null,
                new CitizenContact(null, "h".repeat(64), null, null, "zh", false), false, null, null, "t1"), GRIDS);

        assertThat(change.set()).containsEntry("placedGridId", "YY-04").containsEntry("linkedTo", "t1")
                .containsEntry("repeat", false).doesNotContainKey("gridId");
    }

    @Test
    void recordsTheResultAndWhetherItWasOnTime() {
        var change = FactUpdates.of(new TicketResolved("e2", LATE_EVENING_UTC, "t1", "URBAN_MGMT",
                ResolutionResult.PARTLY_SOLVED, "reply", false), GRIDS);

        assertThat(change.set()).containsEntry("result", "PARTLY_SOLVED").containsEntry("resolvedOnTime", false);
    }

    @Test
    void countsBasicallySatisfiedAsSatisfied() {
        var change = FactUpdates.of(new FeedbackReceived("e3", LATE_EVENING_UTC, "t1", true,
                Satisfaction.BASICALLY_SATISFIED, "SMS"), GRIDS);

        assertThat(change.set()).containsEntry("satisfied", true).containsEntry("solved", true)
                .containsEntry("rated", true);
    }

    @Test
    void countsDaysInTheCitysCalendar() {
        assertThat(FactUpdates.day(LATE_EVENING_UTC)).isEqualTo("2026-11-28");
    }
}
