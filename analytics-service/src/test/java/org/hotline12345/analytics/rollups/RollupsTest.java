package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.PendingFacts;
import org.hotline12345.analytics.tables.Period;
import org.junit.jupiter.api.Test;

class RollupsTest {

    private static Fact fact(String unit, String grid, boolean onTime, Boolean satisfied) {
        Document fact = new Document(Fields.RECEIVED_DAY, "2026-11-28").append(Fields.RECEIVED_HOUR, "09")
                .append(Fields.CATEGORY, "NOISE").append(Fields.DISTRICT, "YUNYAN").append(Fields.ASSIGNED, unit != null)
                .append(Fields.ACCEPTED_ON_TIME, onTime).append(Fields.RESOLVED_AT_INTAKE, unit == null)
                .append(Fields.OPERATOR, "operator-1").append(Fields.CHANNEL, "PHONE");
        if (unit != null) {
            fact.append(Fields.UNIT_ID, unit).append(Fields.GRID_ID, grid).append(Fields.RETURNS, 2);
        }
        if (satisfied != null) {
            fact.append(Fields.RATED, true).append(Fields.SOLVED, satisfied).append(Fields.SATISFIED, satisfied);
        }
        return Fact.from(fact);
    }

    @Test
    void countsEachFactForItsUnitGridDistrictCategoryHourAndTheCity() {
        Map<String, long[]> counts = Rollups.count(List.of(fact("POLICE", "YY-01", true, true),
                fact("POLICE", "YY-02", false, false), fact("WATER_CO", "YY-01", true, null),
                fact(null, null, false, null)));

        assertThat(counts.get("city|ALL")).startsWith(4, 3, 2, 2, 1, 1, 1);
        assertThat(counts.get("city|ALL")[Counter.RETURNS.ordinal()]).isEqualTo(6);
        assertThat(counts.get("unit|POLICE")).startsWith(2, 2, 1, 2, 1, 1, 0);
        assertThat(counts.get("unit|WATER_CO")).startsWith(1, 1, 1, 0, 0, 0);
        assertThat(counts.get("grid|YY-01")).startsWith(2, 2, 2, 1, 1, 1);
        assertThat(counts.get("category|NOISE")[0]).isEqualTo(4);
        assertThat(counts.get("hour_category|09|NOISE")[0]).isEqualTo(4);
        assertThat(counts).doesNotContainKey("unit|null");
    }

    @Test
    void writesOneDocumentPerDimensionAndReadsTheSameCountsBack() {
        Map<String, long[]> counts = Rollups.count(List.of(fact("POLICE", "YY-01", true, true)));

        List<Document> documents = Rollups.documents(Period.MONTH, "2026-11", counts);

        assertThat(documents).extracting(d -> d.getString("_id")).containsExactly("month|2026-11|city",
                "month|2026-11|unit", "month|2026-11|grid", "month|2026-11|district", "month|2026-11|category",
                "month|2026-11|hour_category", "month|2026-11|article", "month|2026-11|operator",
                "month|2026-11|decision_unit", "month|2026-11|channel", "month|2026-11|part_unit");
        assertThat(Rollups.counts(documents.get(1)).get("POLICE")).startsWith(1, 1, 1, 1, 1, 1);
        assertThat(Rollups.documents(Period.DAY, "2026-11-27", Map.of())).allSatisfy(
                d -> assertThat(d.getList("groups", Document.class)).isEmpty());
    }

    @Test
    void readsARollupWrittenBeforeACounterExistedAsZeroForIt() {
        Document older = new Document("dimension", "unit").append("groups",
                List.of(new Document("g", "POLICE").append("n", List.of(5L, 4L, 3L, 2L, 1L, 1L))));

        assertThat(Rollups.counts(older).get("POLICE")).hasSize(Counter.values().length).startsWith(5, 4, 3, 2, 1, 1)
                .endsWith(0, 0);
    }

    @Test
    void movesTheShareOfATicketGivenToAnotherUnitFromItsFormerUnitToItsUnitNow() {
        Map<String, Map<String, long[]>> change = new TreeMap<>();

        Rollups.add(change, Rollups.share(fact("POLICE", "YY-01", true, null)), 1);
        Rollups.add(change, Rollups.share(fact("WATER_CO", "YY-01", true, null)), -1);

        assertThat(change.get("month|2026-11|unit").get("POLICE")).startsWith(1, 1, 1, 0);
        assertThat(change.get("week|2026-W48|unit").get("WATER_CO")).startsWith(-1, -1, -1, 0);
        assertThat(change.get("day|2026-11-28|city").get(Dimension.CITY_GROUP)).satisfies(
                counts -> assertThat(Rollups.isZero(counts)).isTrue());
        // every dimension but the knowledge article, which a dispatched ticket has no group in, the units the centre
        // decided about, which a ticket neither returned nor extended has none in, and the supporting units, which a
        // ticket its unit handles alone has none in
        assertThat(change).hasSize(Period.values().length * (Dimension.values().length - 3));
    }

    @Test
    void countsACallAnsweredFromAnArticleForThatArticleAlone() {
        Fact answered = Fact.from(new Document(Fields.RECEIVED_DAY, "2026-11-28")
                .append(Fields.CATEGORY, "WATER_SUPPLY").append(Fields.RESOLVED_AT_INTAKE, true).append(Fields.ANSWERED_FROM_ARTICLE, "KB-WATER-01"));

        Map<String, long[]> counts = Rollups.count(List.of(answered, fact("POLICE", "YY-01", true, null)));

        assertThat(counts.get("article|KB-WATER-01")[Counter.RECEIVED.ordinal()]).isEqualTo(1);
        assertThat(counts.get("article|KB-WATER-01")[Counter.RESOLVED_AT_INTAKE.ordinal()]).isEqualTo(1);
        assertThat(counts.keySet().stream().filter(key -> key.startsWith("article|"))).hasSize(1);
        assertThat(Rollups.share(answered)).containsKey("month|2026-11|article");
    }

    @Test
    void givesATicketNotReceivedYetNoShare() {
        assertThat(Rollups.share(Fact.from(new Document(Fields.UNIT_ID, "POLICE").append(Fields.ASSIGNED, true))))
                .isEmpty();
    }

    @Test
    void journalsOnlyTheRollupsAPassChanges() {
        Document counted = new Document(Fields.RECEIVED_DAY, "2026-11-28").append(Fields.RECEIVED_HOUR, "09")
                .append(Fields.CATEGORY, "NOISE").append(Fields.UNIT_ID, "WATER_CO").append(Fields.ASSIGNED, true);
        Document now = new Document(counted).append(Fields.UNIT_ID, "POLICE");

        Document journal = RollupDeltas.journal(List.of(new PendingFacts.CountedFact("t1", now, counted, 2L,
                true)));

        assertThat(journal.getList("deltas", Document.class)).extracting(d -> d.getString("_id"))
                .containsExactly("day|2026-11-28|unit", "month|2026-11|unit", "week|2026-W48|unit");
        assertThat(Rollups.counts(journal.getList("deltas", Document.class).get(0))).containsOnlyKeys("POLICE",
                "WATER_CO");
        assertThat(RollupDeltas.journal(List.of(new PendingFacts.CountedFact("t1", now, now, 2L, true)))).isNull();
    }

    @Test
    void namesWeeksByTheIsoCalendar() {
        assertThat(Period.WEEK.of(LocalDate.of(2025, 1, 1))).isEqualTo("2025-W01");
        assertThat(Period.WEEK.of(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(Period.WEEK.of(LocalDate.of(2026, 11, 28))).isEqualTo("2026-W48");
        assertThat(Period.WEEK.daysAround(LocalDate.of(2026, 11, 28))).hasSize(7)
                .startsWith(LocalDate.of(2026, 11, 23)).endsWith(LocalDate.of(2026, 11, 29));
        assertThat(Period.MONTH.daysAround(LocalDate.of(2024, 2, 10))).hasSize(29);
    }
}
