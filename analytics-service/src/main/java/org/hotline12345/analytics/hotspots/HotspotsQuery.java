package org.hotline12345.analytics.hotspots;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.facts.Facts;
import org.hotline12345.analytics.hotspots.Hotspots.Cluster;
import org.hotline12345.analytics.hotspots.Hotspots.GridCount;
import org.hotline12345.analytics.hotspots.Hotspots.GridLoad;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.City;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Where complaints pile up, counted by MongoDB over the facts of the period (bounded to a quarter): tickets per
 * grid and category, where a ticket's grid is the one routing assigned it in, else the one its point lies in; and
 * the tickets linked to each root ticket.
 */
@Service
class HotspotsQuery {

    private static final int GRIDS_PER_CATEGORY = 3;

    private final ReactiveMongoTemplate mongo;
    private final Facts facts;
    private final GridIndex city;

    HotspotsQuery(ReactiveMongoTemplate mongo, Facts facts, City city) {
        this.mongo = mongo;
        this.facts = facts;
        this.city = city.gridIndex();
    }

    /** The {@code limit} busiest grids and largest clusters of {@code days}, of one category or ({@code null}) all. */
    Mono<Hotspots> of(DayRange days, String category, int limit) {
        Criteria period = category == null ? Facts.receivedIn(days)
                : Facts.receivedIn(days).and(Fields.CATEGORY).is(category);
        Aggregation byGridAndCategory = Aggregation.newAggregation(Aggregation.match(period),
                Aggregation.group(Fields.GRID_ID, Fields.PLACED_GRID_ID, Fields.CATEGORY).count().as("tickets"));
        Aggregation byRoot = Aggregation.newAggregation(
                Aggregation.match(new Criteria().andOperator(period, Criteria.where(Fields.LINKED_TO).ne(null))),
                Aggregation.group(Fields.LINKED_TO).count().as("linked").sum(ConditionalOperators.when(
                        Criteria.where(Fields.REPEAT).is(true)).then(1).otherwise(0)).as("repeats"));
        Mono<List<GridCategoryCount>> counts = mongo.aggregate(byGridAndCategory, FactRecorder.COLLECTION,
                        Document.class)
                .map(row -> {
                    Fact key = Fact.from(row.get("_id", Document.class));
                    return new GridCategoryCount(key.grid(), key.category(), count(row, "tickets"));
                })
                .filter(row -> row.grid() != null)
                .collectList();
        Mono<List<Cluster>> clusters = mongo.aggregate(byRoot, FactRecorder.COLLECTION, Document.class)
                .collectList().flatMap(roots -> clusters(roots, limit));
        return Mono.zip(counts, clusters).map(both -> new Hotspots(days.from(), days.to(), category,
                grids(both.getT1(), limit), byCategory(both.getT1()), both.getT2()));
    }

    /** Tickets of one category in one grid. */
    private record GridCategoryCount(String grid, String category, long tickets) {
    }

    private List<GridLoad> grids(List<GridCategoryCount> counts, int limit) {
        Map<String, Map<String, Long>> categoriesByGrid = new HashMap<>();
        counts.forEach(c -> categoriesByGrid.computeIfAbsent(c.grid(), g -> new TreeMap<>())
                .merge(String.valueOf(c.category()), c.tickets(), Long::sum));
        return categoriesByGrid.entrySet().stream()
                .map(e -> new GridLoad(e.getKey(), district(e.getKey()),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        e.getValue().entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                                .map(Map.Entry::getKey).orElse(null), e.getValue()))
                .sorted(Comparator.comparingLong(GridLoad::tickets).reversed().thenComparing(GridLoad::gridId))
                .limit(limit)
                .toList();
    }

    private static Map<String, List<GridCount>> byCategory(List<GridCategoryCount> counts) {
        Map<String, Map<String, Long>> grids = new TreeMap<>();
        counts.forEach(c -> grids.computeIfAbsent(String.valueOf(c.category()), k -> new HashMap<>())
                .merge(c.grid(), c.tickets(), Long::sum));
        Map<String, List<GridCount>> top = new TreeMap<>();
        grids.forEach((category, byGrid) -> top.put(category, byGrid.entrySet().stream()
                .map(e -> new GridCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(GridCount::tickets).reversed().thenComparing(GridCount::gridId))
                .limit(GRIDS_PER_CATEGORY).toList()));
        return top;
    }

    /** The largest clusters, from the counts per root ticket, with the root ticket's own details. */
    private Mono<List<Cluster>> clusters(List<Document> roots, int limit) {
        List<Document> largest = roots.stream()
                .sorted(Comparator.comparingLong((Document r) -> count(r, "linked")).reversed()
                        .thenComparing(r -> r.getString("_id")))
                .limit(limit).toList();
        if (largest.isEmpty()) {
            return Mono.just(List.of());
        }
        return facts.byIds(largest.stream().map(r -> r.getString("_id")).toList(), Fields.TICKET_NUMBER,
                        Fields.CATEGORY, Fields.GRID_ID, Fields.PLACED_GRID_ID)
                .collectMap(Fact::id)
                .map(details -> largest.stream().map(root -> {
                    Fact ticket = details.getOrDefault(root.getString("_id"), Fact.from(new Document()));
                    String grid = ticket.grid();
                    return new Cluster(root.getString("_id"), ticket.ticketNumber(), ticket.category(), grid,
                            grid == null ? null : district(grid), count(root, "linked"), count(root, "repeats"));
                }).toList());
    }

    private String district(String grid) {
        return city.byId(grid).map(Grid::district).orElse(null);
    }

    private static long count(Document row, String field) {
        return row.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
