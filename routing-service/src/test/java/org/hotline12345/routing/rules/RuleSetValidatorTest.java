package org.hotline12345.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTest {

    private final RuleSetValidator validator = new RuleSetValidator(Set.of("URBAN_MGMT", "POLICE", "WATER_CO"),
            Set.of("NOISE", "WATER_SUPPLY"), Map.of("YY-01", "YUNYAN", "NM-01", "NANMING"),
            Set.of("YUNYAN", "NANMING"));

    @Test
    void acceptsASoundRuleSetIncludingAFallbackForReturnedTickets() {
        assertThat(validator.problems(List.of(
                rule("noise", Set.of("NOISE"), Set.of(), Set.of(), null, "URBAN_MGMT"),
                rule("noise-to-police", Set.of("NOISE"), Set.of(), Set.of(), null, "POLICE"),
                rule("water", Set.of("WATER_SUPPLY"), Set.of(), Set.of(), null, "WATER_CO")))).isEmpty();
    }

    @Test
    void namesEveryUnitCategoryGridAndDistrictTheCityDoesNotHave() {
        Map<String, String> problems = validator.problems(List.of(
                rule("a", Set.of("NOISY"), Set.of("XIXIU"), Set.of("ZZ-99"), null, "FIRE_DEPT")));

        assertThat(problems).containsOnlyKeys("rules[0].lead", "rules[0].when.categories", "rules[0].when.districts",
                "rules[0].when.grids");
        assertThat(problems.get("rules[0].when.categories")).contains("NOISY");
    }

    @Test
    void findsARuleHiddenBehindAnEarlierOneWithTheSameLead() {
        Map<String, String> problems = validator.problems(List.of(
                rule("all-noise", Set.of("NOISE"), Set.of(), Set.of(), null, "URBAN_MGMT"),
                rule("yunyan-noise", Set.of("NOISE"), Set.of("YUNYAN"), Set.of(), null, "URBAN_MGMT")));

        assertThat(problems).containsOnlyKeys("rules[1]");
        assertThat(problems.get("rules[1]")).contains("unreachable").contains("all-noise");
    }

    @Test
    void findsRulesThatCanNeverHold() {
        Map<String, String> problems = validator.problems(List.of(
                rule("never-o-clock", Set.of("NOISE"), Set.of(), Set.of(),
                        new Hours(LocalTime.of(22, 0), LocalTime.of(22, 0)), "POLICE"),
                rule("wrong-district", Set.of("NOISE"), Set.of("NANMING"), Set.of("YY-01"), null, "URBAN_MGMT")));

        assertThat(problems).containsOnlyKeys("rules[0].when.hours", "rules[1].when");
    }

    @Test
    void refusesRepeatedIdsAndAnEmptySet() {
        assertThat(validator.problems(List.of(
                rule("x", Set.of("NOISE"), Set.of(), Set.of(), null, "URBAN_MGMT"),
                rule("x", Set.of("WATER_SUPPLY"), Set.of(), Set.of(), null, "WATER_CO")))).containsOnlyKeys("rules[1].id");
        assertThat(validator.problems(List.of())).containsOnlyKeys("rules");
    }

    @Test
    void refusesTimeLimitsThatAreNotPositiveOrTooLongAndWordsThatMatchEverything() {
        Rule negative = new Rule("negative", Set.of("NOISE"), null, null, null, null, null, null, "URBAN_MGMT", null,
                null, Duration.ofHours(-1), Duration.ZERO);
        Rule centuries = new Rule("centuries", Set.of("WATER_SUPPLY"), null, null, null, null, null, null, "WATER_CO",
                null, null, Duration.ofHours(2), Duration.ofDays(365 * 300));
        Rule backwards = new Rule("backwards", Set.of("WATER_SUPPLY"), List.of("水管"), null, null, null, null, null,
                "POLICE", null, null, Duration.ofDays(3), Duration.ofDays(1));
        Rule everything = new Rule("everything", null, List.of("噪音", ""), null, null, null, null, null, "POLICE",
                null, null, null, null);

        assertThat(validator.problems(List.of(negative, centuries, backwards, everything))).containsOnlyKeys(
                "rules[0].acceptWithin", "rules[0].resolveWithin", "rules[1].resolveWithin", "rules[2].acceptWithin",
                "rules[3].when.words");
        assertThat(validator.problems(List.of(new Rule("fine", Set.of("NOISE"), List.of("广场舞"), null, null, null,
                null, null, "URBAN_MGMT", null, null, Duration.ofHours(2), Duration.ofDays(30))))).isEmpty();
    }

    private static Rule rule(String id, Set<String> categories, Set<String> districts, Set<String> grids, Hours hours,
            String lead) {
        return new Rule(id, categories, null, districts, grids, null, null, hours, lead, null, null, null, null);
    }
}
