package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

/** The ratings of how calls were taken (受理满意度), counted apart from the rating of the handling. */
class CallSatisfactionCountsTest {

    private static Fact fact(String channel, String operator, String callSatisfaction, Boolean satisfied) {
        Document fact = new Document(Fields.RECEIVED_DAY, "2026-11-28").append(Fields.RECEIVED_HOUR, "09")
                .append(Fields.CATEGORY, "NOISE").append(Fields.CHANNEL, channel);
        if (operator != null) {
            fact.append(Fields.OPERATOR, operator);
        }
        if (callSatisfaction != null) {
            fact.append(Fields.CALL_SATISFACTION, callSatisfaction);
        }
        if (satisfied != null) {
            fact.append(Fields.RATED, true).append(Fields.SOLVED, satisfied).append(Fields.SATISFIED, satisfied);
        }
        return Fact.from(fact);
    }

    @Test
    void countsTheCallsRatedAndRatedSatisfiedForTheCityEachChannelAndEachOperator() {
        Map<String, long[]> counts = Rollups.count(List.of(fact("PHONE", "op-1", "SATISFIED", false),
                fact("PHONE", "op-1", "DISSATISFIED", null), fact("PHONE", "op-2", "BASICALLY_SATISFIED", null),
                fact("WEB", null, "SATISFIED", null), fact("WEB", null, null, true)));

        assertThat(counted(counts, "city|ALL")).containsExactly(5, 4, 3, 2, 1);
        assertThat(counted(counts, "channel|PHONE")).containsExactly(3, 3, 2, 1, 0);
        assertThat(counted(counts, "channel|WEB")).containsExactly(2, 1, 1, 1, 1);
        assertThat(counted(counts, "operator|op-1")).containsExactly(2, 2, 1, 1, 0);
        assertThat(counted(counts, "operator|op-2")).containsExactly(1, 1, 1, 0, 0);
    }

    @Test
    void aCallRatedSetsItsOwnFieldAndNotTheRatingOfTheHandling() {
        FactUpdates.Change change = FactUpdates.of(new CallRated("e-1", Instant.parse("2026-11-28T02:00:00Z"), "t-1",
                Satisfaction.DISSATISFIED, "等了很久"), City.sample());

        assertThat(change.set()).containsExactly(Map.entry(Fields.CALL_SATISFACTION, "DISSATISFIED"));
        assertThat(change.unset()).isEmpty();
        assertThat(change.increment()).isEmpty();
        assertThat(Fact.COUNTED_FIELDS).contains(Fields.CALL_SATISFACTION, Fields.CHANNEL);
    }

    /** Received, call rated, call rated satisfied, handling rated, handling rated satisfied. */
    private static long[] counted(Map<String, long[]> counts, String group) {
        long[] all = counts.get(group);
        return new long[] {all[Counter.RECEIVED.ordinal()], all[Counter.CALL_RATED.ordinal()],
                all[Counter.CALL_SATISFIED.ordinal()], all[Counter.RATED.ordinal()],
                all[Counter.SATISFIED.ordinal()]};
    }
}
