package org.hotline12345.analytics.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact.Fields;

/**
 * What one batch writes to one ticket's fact: the changes of the events the fact has not seen, folded in the order
 * the events came, so that one write does what applying them one after another would. A field a later event sets
 * or clears is set or cleared whatever an earlier one did to it; counters add up; sets gather every value.
 */
final class FactWrite {

    private final String ticketId;
    private final Map<String, Object> set = new LinkedHashMap<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private final Map<String, Integer> increment = new LinkedHashMap<>();
    private final Map<String, Set<Object>> addToSet = new LinkedHashMap<>();
    private final List<String> eventIds = new ArrayList<>();
    private Integer ratedRound;
    private Instant updatedAt;

    FactWrite(String ticketId) {
        this.ticketId = ticketId;
    }

    /** Folds in the change of the event {@code eventId}, which happened at {@code occurredAt}. */
    void apply(String eventId, Instant occurredAt, FactUpdates.Change change) {
        eventIds.add(eventId);
        updatedAt = occurredAt;
        change.set().forEach(this::put);
        change.unset().forEach(field -> {
            set.remove(field);
            unset.add(field);
        });
        change.increment().forEach((field, by) -> increment.merge(field, by, Integer::sum));
        change.addToSet().forEach((field, value) -> addToSet.computeIfAbsent(field, f -> new LinkedHashSet<>())
                .add(value));
    }

    /** Folds in the rating of the resolution round {@code round}, which this write then guards by. */
    void rate(Map<String, Object> rating, int round) {
        rating.forEach(this::put);
        ratedRound = round;
    }

    private void put(String field, Object value) {
        unset.remove(field);
        set.put(field, value);
    }

    String ticketId() {
        return ticketId;
    }

    boolean isEmpty() {
        return eventIds.isEmpty();
    }

    List<String> eventIds() {
        return eventIds;
    }

    Map<String, Object> set() {
        return set;
    }

    Set<String> unset() {
        return unset;
    }

    Map<String, Integer> increment() {
        return increment;
    }

    Map<String, Set<Object>> addToSet() {
        return addToSet;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** The round of the rating this write makes, or {@code null} when it makes none. */
    Integer ratedRound() {
        return ratedRound;
    }

    /** Whether the write changes a field the rollups count, so that the fact is pending for them. */
    boolean changesCounted() {
        return Stream.of(set.keySet(), unset, increment.keySet(), addToSet.keySet())
                .flatMap(Collection::stream).anyMatch(Fact.COUNTED_FIELDS::contains);
    }

    /** The fact this write makes of a ticket that has none yet, as the fields' updates would make it. */
    Document newFact() {
        Document fact = new Document(Fields.ID, ticketId);
        fact.putAll(set);
        fact.putAll(increment);
        addToSet.forEach((field, values) -> fact.put(field, new ArrayList<>(values)));
        fact.put(Fields.EVENT_IDS, new ArrayList<>(eventIds));
        fact.put(Fields.UPDATED_AT, updatedAt);
        fact.put(Fields.COUNTED, new Document());
        if (changesCounted()) {
            fact.put(Fields.PENDING, true);
            fact.put(Fields.VERSION, 1L);
        }
        return fact;
    }
}
