package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RollupsTest {

    private static Document fact(String unit, String grid, boolean onTime, Boolean satisfied) {
        Document fact = new Document("receivedDay", "2026-11-28").append("category", "NOISE")
                .append("district", "YUNYAN").append("assigned", unit != null).append("acceptedOnTime", onTime);
        if (unit != null) {
            fact.append("unitId", unit).append("gridId", grid);
        }
        if (satisfied != null) {
            fact.append("rated", true).append("solved", satisfied).append("satisfied", satisfied);
        }
        return fact;
    }

    @Test
    void countsEachFactForItsUnitGridDistrictCategoryAndTheCity() {
        Map<String, long[]> counts = Rollups.count(List.of(fact("POLICE", "YY-01", true, true),
                fact("POLICE", "YY-02", false, false), fact("WATER_CO", "YY-01", true, null),
                fact(null, null, false, null)));

        assertThat(counts.get("city|ALL")).containsExactly(4, 3, 2, 2, 1, 1);
        assertThat(counts.get("unit|POLICE")).containsExactly(2, 2, 1, 2, 1, 1);
        assertThat(counts.get("unit|WATER_CO")).containsExactly(1, 1, 1, 0, 0, 0);
        assertThat(counts.get("grid|YY-01")).containsExactly(2, 2, 2, 1, 1, 1);
        assertThat(counts.get("category|NOISE")[0]).isEqualTo(4);
        assertThat(counts).doesNotContainKey("unit|null");
    }

    @Test
    void writesOneDocumentPerDimensionAndReadsTheSameCountsBack() {
        Map<String, long[]> counts = Rollups.count(List.of(fact("POLICE", "YY-01", true, true)));

        List<Document> documents = Rollups.documents("month", "2026-11", counts);

        assertThat(documents).extracting(d -> d.getString("_id")).containsExactly("month|2026-11|city",
                "month|2026-11|unit", "month|2026-11|grid", "month|2026-11|district", "month|2026-11|category");
        assertThat(Rollups.counts(documents.get(1)).get("unit|POLICE")).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(Rollups.documents("day", "2026-11-27", Map.of())).allSatisfy(
                d -> assertThat(d.getList("groups", Document.class)).isEmpty());
    }

    @Test
    void namesWeeksByTheIsoCalendar() {
        assertThat(Rollups.week(LocalDate.of(2025, 1, 1))).isEqualTo("2025-W01");
        assertThat(Rollups.week(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(Rollups.week(LocalDate.of(2026, 11, 28))).isEqualTo("2026-W48");
        assertThat(RollupStore.weekOf(LocalDate.of(2026, 11, 28))).hasSize(7)
                .startsWith(LocalDate.of(2026, 11, 23)).endsWith(LocalDate.of(2026, 11, 29));
        assertThat(RollupStore.monthOf(LocalDate.of(2024, 2, 10))).hasSize(29);
    }
}
