package org.hotline12345.routing.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rule set version as stored in MongoDB and as written in JSON by administrators. */
@Document("rule_sets")
record StoredRuleSet(@Id int version, String description, List<StoredRule> rules, Instant createdAt) {

    record StoredRule(String id, When when, String lead, List<String> coUnits, String priority) {
    }

    record When(Set<String> categories, List<String> words, Set<String> districts, Set<String> grids,
            Set<String> channels, Set<String> urgencies) {
    }

    RuleSet toDomain() {
        return new RuleSet(version, description, rules.stream().map(r -> {
            When when = r.when() == null ? new When(null, null, null, null, null, null) : r.when();
            return new Rule(r.id(), when.categories(), when.words(), when.districts(), when.grids(), when.channels(),
                    when.urgencies(), r.lead(), r.coUnits(), r.priority());
        }).toList());
    }
}
