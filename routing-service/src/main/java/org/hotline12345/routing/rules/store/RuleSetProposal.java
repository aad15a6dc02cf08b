package org.hotline12345.routing.rules.store;

import org.hotline12345.routing.rules.Rule;
import org.hotline12345.routing.rules.RuleSet;
import org.hotline12345.routing.rules.RuleSetValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline12345.platform.problem.InvalidRequestException;

/** A rule set as an administrator writes it: a description and the rules in order; the hub numbers the version. */
record RuleSetProposal(String description, List<StoredRuleSet.StoredRule> rules) {

    /** The proposal as domain rules; throws naming every field that cannot be read or that the city refutes. */
    RuleSet toDomain(int version, RuleSetValidator validator) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<StoredRuleSet.StoredRule> given = rules == null ? List.of() : rules;
        List<Rule> parsed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            StoredRuleSet.StoredRule rule = given.get(i);
            StoredRuleSet.When when = rule.when() == null
                    ? new StoredRuleSet.When(null, null, null, null, null, null, null) : rule.when();
            String at = "rules[" + i + "]";
            parsed.add(new Rule(rule.id(), when.categories(), when.words(), when.districts(), when.grids(),
                    when.channels(), when.urgencies(), read(() -> StoredRuleSet.hours(when.hours()), at
                    + ".when.hours", "must look like 22:00-06:00", problems), rule.lead(), rule.coUnits(),
                    rule.priority(), read(() -> StoredRuleSet.duration(rule.acceptWithin()), at + ".acceptWithin",
                    "must be an ISO-8601 duration such as PT2H", problems),
                    read(() -> StoredRuleSet.duration(rule.resolveWithin()), at + ".resolveWithin",
                            "must be an ISO-8601 duration such as P3D", problems)));
        }
        validator.problems(parsed).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new RuleSet(version, description, parsed);
    }

    private static <T> T read(Supplier<T> parse, String field, String expected, Map<String, String> problems) {
        try {
            return parse.get();
        } catch (RuntimeException unreadable) {
            problems.put(field, expected);
            return null;
        }
    }
}
