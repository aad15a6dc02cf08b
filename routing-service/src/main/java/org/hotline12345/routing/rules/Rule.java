package org.hotline12345.routing.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One routing rule. Every condition that is given must hold; an empty condition holds for every ticket.
 *
 * @param hours the time of day the rule applies, or {@code null} for all day
 * @param lead a unit id, {@link #STREET_OFFICE} for the street office of the ticket's grid, or {@link #GRID_WORKER}
 *     for the grid's own worker
 * @param priority the priority to give, or {@code null} to derive it from urgency and category
 * @param acceptWithin the accept limit of tickets this rule places, or {@code null} for the priority's default
 * @param resolveWithin the resolve limit of tickets this rule places, or {@code null} for the priority's default
 */
public record Rule(String id, Set<String> categories, List<String> words, Set<String> districts, Set<String> grids,
        Set<String> channels, Set<String> urgencies, Hours hours, String lead, List<String> coUnits,
        String priority, Duration acceptWithin, Duration resolveWithin) {

    /** The lead that means "the street office of the grid the ticket lies in". */
    public static final String STREET_OFFICE = "@streetOffice";
    /** The lead that means "the worker of the grid the ticket lies in" (网格员), who may settle it on the spot. */
    public static final String GRID_WORKER = "@gridWorker";

    public Rule {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        words = words == null ? List.of() : List.copyOf(words);
        districts = districts == null ? Set.of() : Set.copyOf(districts);
        grids = grids == null ? Set.of() : Set.copyOf(grids);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        urgencies = urgencies == null ? Set.of() : Set.copyOf(urgencies);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }

    /** The cues that made this rule match the ticket, or {@code null} when it does not match. */
    List<String> match(RoutingInput ticket) {
        List<String> cues = new ArrayList<>();
        if (!holds(categories, ticket.category(), "category", cues)
                || !holds(districts, ticket.district(), "district", cues)
                || !holds(grids, ticket.gridId(), "grid", cues)
                || !holds(channels, ticket.channel(), "channel", cues)
                || !holds(urgencies, ticket.urgency() == null ? null : ticket.urgency().name(), "urgency", cues)) {
            return null;
        }
        if (hours != null) {
            if (ticket.localTime() == null || !hours.contains(ticket.localTime())) {
                return null;
            }
            cues.add("hours=" + hours);
        }
        if (!words.isEmpty()) {
            String text = ticket.description() == null ? "" : ticket.description().toLowerCase(Locale.ROOT);
            String word = words.stream().filter(w -> text.contains(w.toLowerCase(Locale.ROOT))).findFirst()
                    .orElse(null);
            if (word == null) {
                return null;
            }
            cues.add("word=" + word);
        }
        return cues;
    }

    private static boolean holds(Set<String> allowed, String value, String name, List<String> cues) {
        if (allowed.isEmpty()) {
            return true;
        }
        if (value != null && allowed.contains(value)) {
            cues.add(name + "=" + value);
            return true;
        }
        return false;
    }
}
