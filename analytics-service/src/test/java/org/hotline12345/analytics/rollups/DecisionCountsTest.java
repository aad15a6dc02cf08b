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
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.ExtensionApproved;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketRejected;
import org.junit.jupiter.api.Test;

/**
 * The centre's decisions counted per unit they concern and for the city: a ticket urban management returned twice
 * (the centre rejected the first return and upheld the second) before the police, who asked twice for more time
 * (granted shorter, then refused), resolved it.
 */
class DecisionCountsTest {

    private static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

    private static List<HotlineEvent> wentRound() {
        TicketEvents ticket = TicketEvents.ticket("t-round");
        List<HotlineEvent> story = new ArrayList<>(List.of(ticket.received(AT), ticket.assigned(AT.plusSeconds(60)),
                ticket.rejected(AT.plusSeconds(600), "NOT_OURS"), ticket.returnRejected(AT.plusSeconds(1_800)),
                new TicketRejected(EventIds.of("t-round", "TicketRejected", "1/2"), AT.plusSeconds(3_600), "t-round",
                        "URBAN_MGMT", "NOT_OURS", "still not ours"),
                ticket.returnUpheld(AT.plusSeconds(5_400), "POLICE"),
                ticket.unit("POLICE").assigned(AT.plusSeconds(5_400)),
                ticket.extensionRequested(AT.plusSeconds(7_200), 1, AT.plusSeconds(900_000)),
                new ExtensionApproved(EventIds.of("t-round", "ExtensionApproved", 1), AT.plusSeconds(9_000),
                        "t-round", "POLICE", AT.plusSeconds(900_000), AT.plusSeconds(700_000), "three days do", "sup-1"),
                ticket.extensionRequested(AT.plusSeconds(10_000), 2, AT.plusSeconds(990_000)),
                ticket.extensionRefused(AT.plusSeconds(11_000), 2),
                ticket.resolved(AT.plusSeconds(20_000), true)));
        return story;
    }

    @Test
    void countsEachDecisionForTheUnitItConcernsAndAllForTheCity() {
        Map<String, long[]> counts = Rollups.count(List.of(fact(wentRound())));

        long[] urban = counts.get("decision_unit|URBAN_MGMT");
        assertThat(countsOf(urban, Counter.RETURNS_MADE, Counter.RETURNS_UPHELD, Counter.RETURNS_REJECTED,
                Counter.EXTENSIONS_ASKED, Counter.WENT_ROUND, Counter.REACHED_RIGHT_UNIT,
                Counter.SECONDS_TO_RIGHT_UNIT)).containsExactly(2, 1, 1, 0, 1, 1, 4_800);
        long[] police = counts.get("decision_unit|POLICE");
        assertThat(countsOf(police, Counter.RETURNS_MADE, Counter.EXTENSIONS_ASKED, Counter.EXTENSIONS_APPROVED,
                Counter.EXTENSIONS_SHORTENED, Counter.EXTENSIONS_REFUSED, Counter.WENT_ROUND,
                Counter.REACHED_RIGHT_UNIT)).containsExactly(0, 2, 1, 1, 1, 0, 0);
        long[] city = counts.get("city|ALL");
        assertThat(countsOf(city, Counter.RETURNS_MADE, Counter.RETURNS_UPHELD, Counter.RETURNS_REJECTED,
                Counter.EXTENSIONS_ASKED, Counter.EXTENSIONS_APPROVED, Counter.EXTENSIONS_SHORTENED,
                Counter.EXTENSIONS_REFUSED, Counter.WENT_ROUND, Counter.REACHED_RIGHT_UNIT,
                Counter.SECONDS_TO_RIGHT_UNIT)).containsExactly(2, 1, 1, 2, 1, 1, 1, 1, 1, 4_800);
        assertThat(counts.keySet().stream().filter(key -> key.startsWith("decision_unit|")))
                .containsExactlyInAnyOrder("decision_unit|URBAN_MGMT", "decision_unit|POLICE");
    }

    @Test
    void timesAReturnTheCentreRejectedToTheRejectionThatSentTheTicketBack() {
        TicketEvents ticket = TicketEvents.ticket("t-back");
        Fact fact = fact(List.of(ticket.received(AT), ticket.assigned(AT.plusSeconds(60)),
                ticket.rejected(AT.plusSeconds(600), "NOT_OURS"), ticket.returnRejected(AT.plusSeconds(1_800)),
                ticket.resolved(AT.plusSeconds(7_200), true)));

        long[] urban = Rollups.count(List.of(fact)).get("decision_unit|URBAN_MGMT");

        assertThat(countsOf(urban, Counter.RETURNS_MADE, Counter.RETURNS_REJECTED, Counter.WENT_ROUND,
                Counter.REACHED_RIGHT_UNIT, Counter.SECONDS_TO_RIGHT_UNIT)).containsExactly(1, 1, 0, 1, 1_200);
    }

    @Test
    void timesNoTicketUntilItIsResolvedAgainAfterAReopening() {
        TicketEvents ticket = TicketEvents.ticket("t-open");
        List<HotlineEvent> story = new ArrayList<>(List.of(ticket.received(AT), ticket.assigned(AT.plusSeconds(60)),
                ticket.rejected(AT.plusSeconds(600), "NOT_OURS")));

        assertThat(fact(story).toRightUnit(null)).isNull();
        story.addAll(List.of(ticket.unit("POLICE").assigned(AT.plusSeconds(900)),
                ticket.resolved(AT.plusSeconds(2_000), true)));
        assertThat(fact(story).toRightUnit(null)).hasSeconds(300);
        story.add(ticket.reopened(AT.plusSeconds(3_000), AT.plusSeconds(90_000)));
        assertThat(fact(story).toRightUnit(null)).isNull();
    }

    /**
     * The three rates' counters (and every counter before the decisions') count a ticket the same whatever the
     * centre decided about it: the decisions add counters of their own and move no ticket between units.
     */
    @Test
    void countsTheRatesOfATicketTheSameWhateverTheCentreDecided() {
        Document decided = document(wentRound());
        Document undecided = new Document(decided);
        undecided.remove(Fields.DECISIONS);

        Map<String, long[]> with = Rollups.count(List.of(Fact.from(decided)));
        Map<String, long[]> without = Rollups.count(List.of(Fact.from(undecided)));

        int before = Counter.RETURNS_MADE.ordinal();
        without.forEach((key, counts) -> assertThat(Arrays.copyOf(with.get(key), before)).as(key)
                .containsExactly(Arrays.copyOf(counts, before)));
        assertThat(with.get("unit|POLICE")[Counter.ASSIGNED.ordinal()]).isEqualTo(1);
        assertThat(with).doesNotContainKey("unit|URBAN_MGMT");
    }

    /** The fact's event ids keep a redelivered event from being applied again; its decision's value is one anyway. */
    @Test
    void keepsEachDecisionOnceInItsSetHoweverOftenItsEventIsApplied() {
        List<HotlineEvent> story = wentRound();
        List<HotlineEvent> twice = new ArrayList<>(story);
        twice.addAll(story.subList(2, 6));

        assertThat(documentAsDelivered(twice).getList(Fields.DECISIONS, Document.class))
                .isEqualTo(document(story).getList(Fields.DECISIONS, Document.class)).hasSize(8);
    }

    @Test
    void givesTheCitizensRatingNoPartInTheDecisionsCounters() {
        TicketEvents ticket = TicketEvents.ticket("t-rated");
        Document stored = document(List.of(ticket.received(AT), ticket.assigned(AT.plusSeconds(60))));
        stored.putAll(FactUpdates.rating(ticket.feedback(AT.plusSeconds(900), true, Satisfaction.SATISFIED)));

        long[] city = Rollups.count(List.of(Fact.from(stored))).get("city|ALL");

        assertThat(Arrays.copyOfRange(city, Counter.RETURNS_MADE.ordinal(), Counter.SECONDS_TO_RIGHT_UNIT.ordinal()
                + 1)).containsOnly(0L);
    }
}
