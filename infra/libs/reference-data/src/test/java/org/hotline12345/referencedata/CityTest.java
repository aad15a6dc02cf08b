package org.hotline12345.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CityTest {

    private final City city = City.sample();

    @Test
    void hasTheWholeCategoryTaxonomyWithBothLabels() {
        assertThat(city.categories()).extracting(Category::code).containsExactly("NOISE", "CITY_APPEARANCE",
                "ILLEGAL_CONSTRUCTION", "TRAFFIC", "PARKING", "PROPERTY_MANAGEMENT", "HOUSING", "WATER_SUPPLY",
                "POWER_SUPPLY", "GAS_SUPPLY", "HEATING", "POLLUTION", "LABOR", "CONSUMER_RIGHTS", "FOOD_SAFETY",
                "PUBLIC_SECURITY", "HEALTH", "EDUCATION", "SOCIAL_SECURITY", "CONSULTATION", "PRAISE", "OTHER");
        assertThat(city.categories()).allSatisfy(c -> {
            assertThat(c.zh()).isNotBlank();
            assertThat(c.en()).isNotBlank();
        });
    }

    @Test
    void givesEachCategoryAnUrgencyClassInTheSpiritOfBeijingsTimeLimits() {
        assertThat(city.urgencyClasses()).extracting(UrgencyClass::code)
                .containsExactly("EMERGENCY", "UTILITIES", "GENERAL", "COMPLEX");
        assertThat(city.urgencyClass("EMERGENCY")).hasValueSatisfying(emergency -> {
            assertThat(emergency.dispatchWithin()).isEqualTo(Duration.ofHours(1));
            assertThat(emergency.answerWithin()).isEqualTo(Duration.ofHours(2));
            assertThat(emergency.warnWithin()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(city.urgencyClass("GENERAL")).map(UrgencyClass::answerWithin).contains(Duration.ofDays(7));
        assertThat(city.urgencyClass("COMPLEX")).flatMap(UrgencyClass::extendableTo).contains(Duration.ofDays(15));
        for (String utility : List.of("WATER_SUPPLY", "POWER_SUPPLY", "GAS_SUPPLY", "HEATING")) {
            assertThat(city.urgencyClassOf(utility)).as(utility).hasValueSatisfying(c -> {
                assertThat(c.code()).isEqualTo("UTILITIES");
                assertThat(c.dispatchWithin()).isEqualTo(Duration.ofHours(2));
                assertThat(c.answerWithin()).isEqualTo(Duration.ofHours(24));
            });
        }
        assertThat(city.urgencyClassOf("PUBLIC_SECURITY")).map(UrgencyClass::code).contains("EMERGENCY");
        assertThat(city.urgencyClassOf("ILLEGAL_CONSTRUCTION")).map(UrgencyClass::code).contains("COMPLEX");
        assertThat(city.urgencyClassOf("NOISE")).map(UrgencyClass::code).contains("GENERAL");
        // a question or a word of thanks keeps the consultation priority's limits
        assertThat(city.urgencyClassOf("CONSULTATION")).isEmpty();
        assertThat(city.urgencyClassOf("PRAISE")).isEmpty();
    }

    @Test
    void placesTwentyGridsAroundGuiyangEachOwnedByAKnownStreetOffice() {
        Set<String> units = city.units().stream().map(Unit::id).collect(Collectors.toSet());
        Set<String> streets = city.districts().stream().flatMap(d -> d.streets().stream())
                .map(District.Street::code).collect(Collectors.toSet());

        assertThat(city.grids()).hasSize(20).allSatisfy(grid -> {
            assertThat(units).contains(grid.streetOffice());
            assertThat(streets).contains(grid.street());
            assertThat(grid.ring().get(0)).containsExactly(grid.ring().get(grid.ring().size() - 1));
            assertThat(grid.ring()).allSatisfy(p -> {
                assertThat(p[0]).isBetween(106.6, 106.8);
                assertThat(p[1]).isBetween(26.5, 26.65);
            });
        });
    }

    @Test
    void everyRuleNamesKnownCategoriesAndUnits() {
        JsonNode rules = JsonMapper.builder().build().readTree(city.firstRuleSet());
        Set<String> units = city.units().stream().map(Unit::id).collect(Collectors.toSet());

        assertThat(rules.get("version").asInt()).isEqualTo(1);
        for (JsonNode rule : rules.get("rules")) {
            String lead = rule.get("lead").asString();
            assertThat(lead.equals("@streetOffice") || lead.equals("@gridWorker") || units.contains(lead)).as(lead)
                    .isTrue();
            for (JsonNode category : rule.get("when").get("categories")) {
                assertThat(city.category(category.asString())).as(category.asString()).isPresent();
            }
        }
    }

    @Test
    void everyTextTemplateExistsInChineseAndEnglish() {
        Map<String, Map<String, String>> templates = city.smsTemplates();

        assertThat(templates).containsKeys("TicketReceived", "TicketAssigned", "TicketResolved");
        assertThat(templates.values()).allSatisfy(byLanguage -> assertThat(byLanguage.keySet())
                .containsExactlyInAnyOrderElementsOf(List.of("zh", "en")));
    }
}
