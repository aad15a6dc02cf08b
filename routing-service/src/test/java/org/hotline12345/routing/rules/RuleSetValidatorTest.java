package org.hotline12345.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Rule rule(String id, Set<String> categories, Set<String> districts, Set<String> grids, Hours hours,
            String lead) {
        return new Rule(id, categories, null, districts, grids, null, null, hours, lead, null, null, null, null);
    }
}
