package org.hotline12345.analytics.rollups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.analytics.facts.StoredChanges;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.referencedata.City;

/**
 * A ticket's fact as analytics stores it from the ticket's story, for the tests that count facts into the rollups
 * without a database, and the counts of the counters a test reads.
 */
final class StoredFacts {

    private static final City CITY = City.sample();

    private StoredFacts() {
    }

    /** The fact of {@code story}, each event recorded once. */
    static Fact fact(List<HotlineEvent> story) {
        return Fact.from(document(story));
    }

    /**
     * The stored fact of {@code story}, each event applied once, as MongoDB's $set, $unset, $inc and $addToSet
     * would.
     */
    static Document document(List<HotlineEvent> story) {
        return document(story, true);
    }

    /**
     * The stored fact of {@code story} with every event applied as often as it is delivered, as if the fact's event
     * ids did not keep a redelivered one out: what the changes themselves keep once.
     */
    static Document documentAsDelivered(List<HotlineEvent> story) {
        return document(story, false);
    }

    /** Of a group's {@code counts}, those of {@code counters}, in their order. */
    static long[] countsOf(long[] counts, Counter... counters) {
        return Arrays.stream(counters).mapToLong(counter -> counts[counter.ordinal()]).toArray();
    }

    private static Document document(List<HotlineEvent> story, boolean onceEach) {
        Document fact = new Document(Fields.ID, story.get(0).ticketId());
        List<String> seen = new ArrayList<>();
        for (HotlineEvent event : story) {
            if (onceEach && seen.contains(event.eventId())) {
                continue;
            }
            seen.add(event.eventId());
            StoredChanges.apply(FactUpdates.of(event, CITY), fact);
        }
        return fact;
    }
}
