package org.hotline12345.routing.rules.store;

import org.hotline12345.routing.rules.Rule;
import org.hotline12345.routing.rules.RuleSet;
import org.hotline12345.routing.rules.Hours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rule set version as stored in MongoDB and as written in JSON by administrators. */
@Document("rule_sets")
record StoredRuleSet(@Id int version, String description, List<StoredRule> rules, Instant createdAt,
        String createdBy) {

    record StoredRule(String id, When when, String lead, List<String> coUnits, String priority,
            String acceptWithin, String resolveWithin) {
    }

    /** The conditions of a rule; {@code hours} is {@code "HH:mm-HH:mm"} in the city's time. */
    record When(Set<String> categories, List<String> words, Set<String> districts, Set<String> grids,
            Set<String> channels, Set<String> urgencies, String hours) {
    }

    RuleSet toDomain() {
        return new RuleSet(version, description, rules.stream().map(r -> {
            When when = r.when() == null ? new When(null, null, null, null, null, null, null) : r.when();
            return new Rule(r.id(), when.categories(), when.words(), when.districts(), when.grids(), when.channels(),
                    when.urgencies(), hours(when.hours()), r.lead(), r.coUnits(), r.priority(),
                    duration(r.acceptWithin()), duration(r.resolveWithin()));
        }).toList());
    }

    /** Reads {@code "22:00-06:00"}; a malformed window fails, which validation reports by field. */
    static Hours hours(String text) {
        if (text == null) {
            return null;
        }
        String[] ends = text.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("hours must look like 22:00-06:00");
        }
        return new Hours(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
    }

    /** Reads an ISO-8601 duration such as {@code PT2H} or {@code P3D}. */
    static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
