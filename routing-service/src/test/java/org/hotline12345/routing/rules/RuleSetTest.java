package org.hotline12345.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.Urgency;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private final RuleSet rules = new RuleSet(7, "test", List.of(
            new Rule("gas-leak", Set.of("GAS_SUPPLY"), List.of("gas leak", "煤气味"), null, null, null, null, null,
                    "GAS_CO", List.of("POLICE"), "URGENT", Duration.ofMinutes(30), null),
            new Rule("night-noise", Set.of("NOISE"), null, null, null, null, null,
                    new Hours(LocalTime.of(22, 0), LocalTime.of(6, 0)), "POLICE", null, null, null, null),
            new Rule("noise", Set.of("NOISE"), null, null, null, null, null, null, "URBAN_MGMT", null, null, null,
                    null),
            new Rule("appearance", Set.of("CITY_APPEARANCE"), null, null, null, null, null, null,
                    Rule.STREET_OFFICE, null, null, null, null),
            new Rule("property-on-the-spot", Set.of("PROPERTY_MANAGEMENT"), null, null, null, null, null, null,
                    Rule.GRID_WORKER, null, null, null, null),
            new Rule("property", Set.of("PROPERTY_MANAGEMENT"), null, null, null, null, null, null, "HOUSING", null,
                    null, null, null),
            new Rule("gas", Set.of("GAS_SUPPLY"), null, null, null, null, null, null, "GAS_CO", null, null, null,
                    null)));

    @Test
    void sendsATicketToTheLeadOfTheFirstMatchingRuleAndSaysWhy() {
        RoutingDecision decision = rules.route(input("NOISE", "KTV too loud", "YY-03", "NORMAL"));

        assertThat(decision.leadUnit()).isEqualTo("URBAN_MGMT");
        assertThat(decision.ruleId()).isEqualTo("noise");
        assertThat(decision.ruleSetVersion()).isEqualTo(7);
        assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
        assertThat(decision.cues()).containsExactly("category=NOISE", "grid=YY-03");
    }

    @Test
    void matchesWordsInTheDescriptionWhateverTheirCase() {
        RoutingDecision decision = rules.route(input("GAS_SUPPLY", "Strong GAS LEAK in the stairwell", null,
                "NORMAL"));

        assertThat(decision.ruleId()).isEqualTo("gas-leak");
        assertThat(decision.priority()).isEqualTo(Priority.URGENT);
        assertThat(decision.coUnits()).containsExactly("POLICE");
        assertThat(decision.cues()).contains("word=gas leak");
        assertThat(decision.acceptWithin()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void appliesANightRuleOnlyAtNightAcrossMidnight() {
        assertThat(rules.route(at("NOISE", LocalTime.of(23, 30))).leadUnit()).isEqualTo("POLICE");
        assertThat(rules.route(at("NOISE", LocalTime.of(2, 0))).leadUnit()).isEqualTo("POLICE");
        assertThat(rules.route(at("NOISE", LocalTime.of(6, 0))).leadUnit()).isEqualTo("URBAN_MGMT");
        assertThat(rules.route(at("NOISE", LocalTime.of(14, 0))).cues()).doesNotContain("hours=22:00-06:00");
    }

    @Test
    void passesOverTheUnitsThatReturnedTheTicket() {
        assertThat(rules.route(at("NOISE", LocalTime.NOON), Set.of("URBAN_MGMT")).triage()).isTrue();
        assertThat(rules.route(at("GAS_SUPPLY", LocalTime.NOON), Set.of("GAS_CO")).triage()).isTrue();
    }

    @Test
    void fallsThroughToALaterRuleWhenTheWordsAreMissing() {
        assertThat(rules.route(input("GAS_SUPPLY", "bill is too high", null, "NORMAL")).ruleId()).isEqualTo("gas");
    }

    @Test
    void sendsGridMattersToTheStreetOfficeOfTheGrid() {
        RoutingDecision decision = rules.route(new RoutingInput("CITY_APPEARANCE", "rubbish", "YUNYAN", "YY-01",
                "SHIXI_OFFICE", "PHONE", Urgency.NORMAL, LocalTime.NOON, Priority.NORMAL));

        assertThat(decision.leadUnit()).isEqualTo("SHIXI_OFFICE");
    }

    @Test
    void sendsAMatterToTheGridsOwnWorkerAndOnToTheDepartmentWhenTheWorkerHandsItUp() {
        RoutingInput ticket = new RoutingInput("PROPERTY_MANAGEMENT", "楼道灯坏了", "YUNYAN", "YY-04",
                "ZHONGHUA_N_OFFICE", "PHONE", Urgency.NORMAL, LocalTime.NOON, Priority.NORMAL);

        assertThat(rules.route(ticket).leadUnit()).isEqualTo("GRID:YY-04");
        assertThat(rules.route(ticket, Set.of("GRID:YY-04")).leadUnit()).isEqualTo("HOUSING");
        // no grid, no grid worker: the department at once
        assertThat(rules.route(input("PROPERTY_MANAGEMENT", "楼道灯坏了", null, "NORMAL")).leadUnit())
                .isEqualTo("HOUSING");
    }

    @Test
    void sendsAGridMatterWithoutAGridToTriage() {
        RoutingDecision decision = rules.route(input("CITY_APPEARANCE", "rubbish", null, "NORMAL"));

        assertThat(decision.triage()).isTrue();
    }

    @Test
    void sendsATicketNoRuleMatchesToTriage() {
        RoutingDecision decision = rules.route(input("OTHER", "something else", null, "HIGH"));

        assertThat(decision.triage()).isTrue();
        assertThat(decision.ruleId()).isNull();
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void givesATicketThePriorityTheCitysFolderGivesItsCategory() {
        assertThat(rules.route(ofCategory("CONSULTATION", Priority.NORMAL, "NORMAL")).priority())
                .as("a city whose folder makes consultations ordinary work").isEqualTo(Priority.NORMAL);
        assertThat(rules.route(ofCategory("PRAISE", Priority.CONSULTATION, "NORMAL")).priority())
                .isEqualTo(Priority.CONSULTATION);
        assertThat(rules.route(ofCategory("POLICY_QUESTION", Priority.CONSULTATION, "NORMAL")).priority())
                .as("a question by any other code").isEqualTo(Priority.CONSULTATION);
        assertThat(rules.route(ofCategory("SNOW_REMOVAL", Priority.HIGH, "NORMAL")).priority())
                .isEqualTo(Priority.HIGH);
    }

    @Test
    void raisesTheCategorysPriorityByTheUrgencyOfTheCallButKeepsAQuestionOneUnlessUrgent() {
        assertThat(rules.route(ofCategory("NOISE", Priority.NORMAL, "HIGH")).priority()).isEqualTo(Priority.HIGH);
        assertThat(rules.route(ofCategory("SNOW_REMOVAL", Priority.HIGH, "URGENT")).priority())
                .isEqualTo(Priority.URGENT);
        assertThat(rules.route(ofCategory("CONSULTATION", Priority.CONSULTATION, "HIGH")).priority())
                .isEqualTo(Priority.CONSULTATION);
        assertThat(rules.route(ofCategory("CONSULTATION", Priority.CONSULTATION, "URGENT")).priority())
                .isEqualTo(Priority.URGENT);
        assertThat(rules.route(ofCategory("GAS_SUPPLY", Priority.URGENT, "HIGH")).priority())
                .isEqualTo(Priority.URGENT);
    }

    private static RoutingInput input(String category, String description, String gridId, String urgency) {
        return new RoutingInput(category, description, null, gridId, null, "PHONE", Urgency.valueOf(urgency),
                LocalTime.NOON, Priority.NORMAL);
    }

    private static RoutingInput at(String category, LocalTime time) {
        return new RoutingInput(category, "complaint", null, null, null, "PHONE", Urgency.NORMAL, time,
                Priority.NORMAL);
    }

    private static RoutingInput ofCategory(String category, Priority categoryPriority, String urgency) {
        return new RoutingInput(category, "a question", null, null, null, "PHONE", Urgency.valueOf(urgency),
                LocalTime.NOON, categoryPriority);
    }
}
