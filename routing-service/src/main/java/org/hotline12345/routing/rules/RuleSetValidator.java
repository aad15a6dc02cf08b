package org.hotline12345.routing.rules;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.Urgency;

/**
 * Checks a proposed rule set against the city before it may route anything: every unit, category, district,
 * grid, channel, urgency and priority it names must exist; rule ids must be unique; no rule may be impossible to
 * match (a window of no hours, grids outside its own districts) or unreachable (an earlier rule with the same lead
 * already takes every ticket it would). A rule behind an earlier one with another lead stays: it takes the tickets
 * the earlier rule's unit returns.
 */
public final class RuleSetValidator {

    private static final Set<String> CHANNELS = Arrays.stream(Channel.values()).map(Channel::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> URGENCIES = Arrays.stream(Urgency.values()).map(Urgency::name)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::name)
            .collect(Collectors.toUnmodifiableSet());
    /**
     * The longest limits a rule may set. A negative or zero limit would make every ticket it places overdue at
     * once, and a limit of centuries overflows the deadline a ticket stores.
     */
    static final Duration LONGEST_ACCEPT = Duration.ofDays(30);
    static final Duration LONGEST_RESOLVE = Duration.ofDays(365);
    static final int LONGEST_WORD = 50;
    static final int MOST_WORDS = 200;

    private final Set<String> units;
    private final Set<String> categories;
    private final Map<String, String> districtOfGrid;
    private final Set<String> districts;

    /**
     * @param districtOfGrid every grid id of the city with the district it lies in
     */
    public RuleSetValidator(Set<String> units, Set<String> categories, Map<String, String> districtOfGrid,
            Set<String> districts) {
        this.units = Set.copyOf(units);
        this.categories = Set.copyOf(categories);
        this.districtOfGrid = Map.copyOf(districtOfGrid);
        this.districts = Set.copyOf(districts);
    }

    private static void limit(Duration limit, Duration longest, String field, Map<String, String> problems) {
        if (limit != null && (limit.isNegative() || limit.isZero() || limit.compareTo(longest) > 0)) {
            problems.put(field, "must be more than zero and at most " + longest.toDays() + " days");
        }
    }

    /** The problems of the rule set by field path ({@code rules[2].lead}); empty when it may be stored. */
    public Map<String, String> problems(List<Rule> rules) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (rules.isEmpty()) {
            problems.put("rules", "must hold at least one rule");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule.id() == null || rule.id().isBlank()) {
                problems.put(at + ".id", "is required");
            } else if (!ids.add(rule.id())) {
                problems.put(at + ".id", "repeats the id " + rule.id());
            }
            if (rule.lead() == null || !Rule.STREET_OFFICE.equals(rule.lead()) && !Rule.GRID_WORKER.equals(rule.lead())
                    && !units.contains(rule.lead())) {
                problems.put(at + ".lead", "is not a unit of the city: " + rule.lead());
            }
            unknown(rule.coUnits(), units, at + ".coUnits", "units", problems);
            unknown(rule.categories(), categories, at + ".when.categories", "categories", problems);
            unknown(rule.districts(), districts, at + ".when.districts", "districts", problems);
            unknown(rule.grids(), districtOfGrid.keySet(), at + ".when.grids", "grids", problems);
            unknown(rule.channels(), CHANNELS, at + ".when.channels", "channels", problems);
            unknown(rule.urgencies(), URGENCIES, at + ".when.urgencies", "urgencies", problems);
            if (rule.priority() != null && !PRIORITIES.contains(rule.priority())) {
                problems.put(at + ".priority", "is not a priority: " + rule.priority());
            }
            limit(rule.acceptWithin(), LONGEST_ACCEPT, at + ".acceptWithin", problems);
            limit(rule.resolveWithin(), LONGEST_RESOLVE, at + ".resolveWithin", problems);
            if (rule.acceptWithin() != null && rule.resolveWithin() != null
                    && rule.acceptWithin().compareTo(rule.resolveWithin()) > 0) {
                problems.put(at + ".acceptWithin", "is longer than resolveWithin");
            }
            if (rule.words().size() > MOST_WORDS) {
                problems.put(at + ".when.words", "holds more than " + MOST_WORDS + " words");
            } else if (rule.words().stream().anyMatch(word -> word == null || word.isBlank()
                    || word.length() > LONGEST_WORD)) {
                // an empty word is contained in every text, so the rule would take every ticket
                problems.put(at + ".when.words", "must each be 1 to " + LONGEST_WORD + " characters, not blank");
            }
            if (rule.hours() != null && rule.hours().empty()) {
                problems.put(at + ".when.hours", "starts when it ends, so it never holds");
            }
            if (!rule.districts().isEmpty() && !rule.grids().isEmpty()
                    && districtOfGrid.keySet().containsAll(rule.grids())
                    && rule.grids().stream().noneMatch(grid -> rule.districts().contains(districtOfGrid.get(grid)))) {
                problems.put(at + ".when", "asks for grids that lie in none of its districts, so it never holds");
            }
            for (int earlier = 0; earlier < i; earlier++) {
                if (covers(rules.get(earlier), rule)) {
                    problems.put(at, "is unreachable: rule " + rules.get(earlier).id()
                            + " comes first and sends every ticket it would take to the same unit");
                    break;
                }
            }
        }
        return problems;
    }

    /** Whether every ticket {@code later} matches is matched first by {@code first}, for the same lead. */
    static boolean covers(Rule first, Rule later) {
        return first.lead() != null && first.lead().equals(later.lead())
                && first.words().isEmpty() && first.hours() == null
                && within(later.categories(), first.categories()) && within(later.districts(), first.districts())
                && within(later.grids(), first.grids()) && within(later.channels(), first.channels())
                && within(later.urgencies(), first.urgencies());
    }

    private static boolean within(Set<String> narrower, Set<String> wider) {
        return wider.isEmpty() || !narrower.isEmpty() && wider.containsAll(narrower);
    }

    private static void unknown(java.util.Collection<String> named, Set<String> known, String field, String what,
            Map<String, String> problems) {
        List<String> strangers = named.stream().filter(n -> !known.contains(n)).toList();
        if (!strangers.isEmpty()) {
            problems.put(field, "names " + what + " the city does not have: " + strangers);
        }
    }
}
