package org.hotline12345.analytics.rates;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Counts the rates' numerators and denominators from the ticket facts, grouped by unit, grid, district or
 * category and by day, week or month of receipt. A returned and re-assigned ticket counts for the unit that holds
 * it now.
 */
@Service
public class RateQueries {

    /** What a ticket can be grouped by, and the fact field that holds it. */
    static final Map<String, String> GROUPS = Map.of("unit", "unitId", "grid", "gridId", "district", "district",
            "category", "category");
    /** The periods, and the fact field that names a ticket's period. */
    static final Map<String, String> PERIODS = Map.of("day", "receivedDay", "week", "receivedWeek", "month",
            "receivedMonth");

    private final ReactiveMongoTemplate mongo;

    RateQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts for tickets received between the two days (inclusive, {@code yyyy-MM-dd}). */
    public Mono<List<RateCounts>> counts(String groupBy, String period, String fromDay, String toDay) {
        String groupField = GROUPS.get(groupBy);
        String periodField = PERIODS.get(period);
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("receivedDay").gte(fromDay).lte(toDay)),
                Aggregation.group(groupField, periodField)
                        .count().as("received")
                        .sum(whenTrue("assigned")).as("assigned")
                        .sum(whenTrue("acceptedOnTime")).as("acceptedOnTime")
                        .sum(whenTrue("rated")).as("rated")
                        .sum(whenTrue("solved")).as("solved")
                        .sum(whenTrue("satisfied")).as("satisfied"));
        return mongo.aggregate(aggregation, "facts", Document.class)
                .map(row -> {
                    Document id = row.get("_id", Document.class);
                    return new RateCounts(String.valueOf(id.get(groupField)), String.valueOf(id.get(periodField)),
                            number(row, "received"), number(row, "assigned"), number(row, "acceptedOnTime"),
                            number(row, "rated"), number(row, "solved"), number(row, "satisfied"));
                })
                .filter(counts -> !"null".equals(counts.group()))
                .sort(Comparator.comparing(RateCounts::period).thenComparing(RateCounts::group))
                .collectList();
    }

    private static ConditionalOperators.Cond whenTrue(String field) {
        return ConditionalOperators.when(Criteria.where(field).is(true)).then(1).otherwise(0);
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
