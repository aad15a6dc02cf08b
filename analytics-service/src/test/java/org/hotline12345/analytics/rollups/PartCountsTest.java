package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline12345.analytics.rollups.StoredFacts.countsOf;
import static org.hotline12345.analytics.rollups.StoredFacts.document;
import static org.hotline12345.analytics.rollups.StoredFacts.documentAsDelivered;
import static org.hotline12345.analytics.rollups.StoredFacts.fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.PartAccepted;
import org.hotline12345.contracts.TicketEvents;
import org.junit.jupiter.api.Test;

/**
 * The supporting units' parts counted per supporting unit and for the city: a ticket urban management leads, with
 * parts for the police (signed for on time, answered late) and the water company (signed for late, then waived by
 * the centre after its due date), resolved on time by urban management.
 */
class PartCountsTest {

    private static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

    private static List<HotlineEvent> supported() {
        TicketEvents ticket = TicketEvents.ticket("t-parts").unit("URBAN_MGMT");
        return List.of(ticket.received(AT), ticket.assigned(AT.plusSeconds(60)),
                ticket.partAssigned(AT.plusSeconds(60), "POLICE"), ticket.partAssigned(AT.plusSeconds(60), "WATER_CO"),
                ticket.accepted(AT.plusSeconds(300), true), accepted("t-parts", "POLICE", AT.plusSeconds(600), true),
                accepted("t-parts", "WATER_CO", AT.plusSeconds(9_000), false),
                ticket.partAnswered(AT.plusSeconds(90_000), "POLICE", false),
                ticket.partWaived(AT.plusSeconds(95_000), "WATER_CO"), ticket.resolved(AT.plusSeconds(99_000), true));
    }

    /** As routing names a part's sign-for: once per supporting unit and assignment. */
    static PartAccepted accepted(String ticketId, String supportingUnit, Instant at, boolean onTime) {
        return new PartAccepted(EventIds.of(ticketId, "PartAccepted", "1/" + supportingUnit), at, ticketId,
                "URBAN_MGMT", supportingUnit, 1, onTime);
    }

    @Test
    void countsEachPartForItsSupportingUnitAndAllForTheCity() {
        Map<String, long[]> counts = Rollups.count(List.of(fact(supported())));

        assertThat(of(counts.get("part_unit|POLICE"))).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(of(counts.get("part_unit|WATER_CO"))).containsExactly(1, 0, 0, 0, 1, 1);
        assertThat(of(counts.get("city|ALL"))).containsExactly(2, 1, 1, 0, 1, 1);
        // the lead is no supporting unit, and leads no group of its own here
        assertThat(counts.keySet().stream().filter(key -> key.startsWith("part_unit|")))
                .containsExactlyInAnyOrder("part_unit|POLICE", "part_unit|WATER_CO");
        // in its lead's group, the ticket counts all its parts, as every dimension but the supporting units' does
        assertThat(of(counts.get("unit|URBAN_MGMT"))).containsExactly(2, 1, 1, 0, 1, 1);
    }

    /**
     * A supporting unit is not the handling unit: the counters before the parts' count a ticket the same with its
     * parts or without, for its lead alone, and a supporting unit has no response, resolution or satisfaction of it.
     */
    @Test
    void countsTheRatesOfATicketForItsLeadWhateverItsParts() {
        Document supported = document(supported());
        Document alone = new Document(supported);
        alone.remove(Fields.PARTS);

        Map<String, long[]> with = Rollups.count(List.of(Fact.from(supported)));
        Map<String, long[]> without = Rollups.count(List.of(Fact.from(alone)));

        int before = Counter.PARTS_ASSIGNED.ordinal();
        without.forEach((key, counts) -> assertThat(Arrays.copyOf(with.get(key), before)).as(key)
                .containsExactly(Arrays.copyOf(counts, before)));
        assertThat(with.get("unit|URBAN_MGMT")[Counter.ACCEPTED_ON_TIME.ordinal()]).isEqualTo(1);
        assertThat(with).doesNotContainKeys("unit|POLICE", "unit|WATER_CO");
    }

    /** The fact's event ids keep a redelivered event from being applied again; its part's value is one anyway. */
    @Test
    void keepsEachPartOnceInItsSetHoweverOftenItsEventIsApplied() {
        List<HotlineEvent> story = supported();
        List<HotlineEvent> twice = new ArrayList<>(story);
        twice.addAll(story.subList(2, 9));

        assertThat(documentAsDelivered(twice).getList(Fields.PARTS, Document.class))
                .isEqualTo(document(story).getList(Fields.PARTS, Document.class)).hasSize(6);
        assertThat(of(Rollups.count(List.of(Fact.from(documentAsDelivered(twice)))).get("city|ALL")))
                .containsExactly(2, 1, 1, 0, 1, 1);
    }

    /** A ticket its lead handles alone counts no part anywhere. */
    @Test
    void countsNoPartOfATicketWithoutSupportingUnits() {
        TicketEvents ticket = TicketEvents.ticket("t-alone");
        Map<String, long[]> counts = Rollups.count(List.of(fact(List.of(ticket.received(AT),
                ticket.assigned(AT.plusSeconds(60)), ticket.resolved(AT.plusSeconds(600), true)))));

        assertThat(of(counts.get("city|ALL"))).containsOnly(0L);
        assertThat(counts.keySet()).noneMatch(key -> key.startsWith("part_unit|"));
    }

    /** The parts' counters in their order: assigned, signed for on time, answered, on time, waived, overdue. */
    private static long[] of(long[] counts) {
        return countsOf(counts, Counter.PARTS_ASSIGNED, Counter.PARTS_ACCEPTED_ON_TIME, Counter.PARTS_ANSWERED,
                Counter.PARTS_ANSWERED_ON_TIME, Counter.PARTS_WAIVED, Counter.PARTS_WAIVED_OVERDUE);
    }
}
