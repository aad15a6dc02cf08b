package org.hotline12345.analytics.hotspots;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.SampleCity;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Where complaints pile up in a period (the last 30 days by default): the grids with the most tickets, each with
 * its categories; per category the grids with the most; and the clusters of tickets linked to one ticket, as
 * repeat calls or other reports of the same incident, largest first. CSV gives the grids table, or the clusters
 * with {@code table=clusters}.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class HotspotsController {

    private static final int MAX_DAYS = 92;
    private static final int GRIDS_PER_CATEGORY = 3;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final GridIndex city;

    HotspotsController(ReactiveMongoTemplate mongo, Clock clock, SampleCity city) {
        this.city = city.gridIndex();
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/analytics/hotspots", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> hotspots(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z_]{2,40}") String category,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "grids") @Pattern(regexp = "grids|clusters") String table,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange range = DayRange.of(from, to, LocalDate.now(clock.withZone(FactUpdates.CITY_ZONE)),
                end -> end.minusDays(29), MAX_DAYS);
        LocalDate start = range.from();
        LocalDate end = range.to();
        Aggregation byGridAndCategory = Aggregation.newAggregation(
                Aggregation.match(period(start, end, category)),
                Aggregation.group("gridId", "placedGridId", "category").count().as("tickets"));
        Aggregation byRoot = Aggregation.newAggregation(
                Aggregation.match(period(start, end, category).and("linkedTo").ne(null)),
                Aggregation.group("linkedTo").count().as("linked").sum(ConditionalOperators.when(
                        Criteria.where("repeat").is(true)).then(1).otherwise(0)).as("repeats"));
        Mono<List<Document>> gridRows = mongo.aggregate(byGridAndCategory, FactRecorder.COLLECTION, Document.class)
                .collectList();
        Mono<List<Cluster>> clusters = mongo.aggregate(byRoot, FactRecorder.COLLECTION, Document.class)
                .collectList().flatMap(roots -> clusters(roots, limit));
        return Mono.zip(gridRows, clusters)
                .map(both -> new Hotspots(start, end, category, grids(both.getT1(), limit), byCategory(both.getT1()),
                        both.getT2()))
                .map(hotspots -> "clusters".equals(table)
                        ? Csv.respond(hotspots, hotspots.clusters(), accept,
                                "ticketNumber,category,gridId,district,linkedTickets,repeatCalls",
                                c -> Arrays.asList(c.ticketNumber(), c.category(), c.gridId(), c.district(),
                                        c.linkedTickets(), c.repeatCalls()))
                        : Csv.respond(hotspots, hotspots.grids(), accept, "gridId,district,tickets,topCategory",
                                g -> Arrays.asList(g.gridId(), g.district(), g.tickets(), g.topCategory())));
    }

    private static Criteria period(LocalDate start, LocalDate end, String category) {
        Criteria period = Criteria.where("receivedDay").gte(start.toString()).lte(end.toString());
        return category == null ? period : period.and("category").is(category);
    }

    /** The grids with the most tickets, from the counts per grid and category. */
    private List<GridLoad> grids(List<Document> rows, int limit) {
        Map<String, Map<String, Long>> categoriesByGrid = new HashMap<>();
        for (Document row : rows) {
            String grid = grid(row.get("_id", Document.class));
            if (grid != null) {
                categoriesByGrid.computeIfAbsent(grid, g -> new TreeMap<>()).merge(
                        String.valueOf(row.get("_id", Document.class).get("category")), count(row, "tickets"),
                        Long::sum);
            }
        }
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

    /** Per category, its busiest grids. */
    private static Map<String, List<GridCount>> byCategory(List<Document> rows) {
        Map<String, Map<String, Long>> grids = new TreeMap<>();
        for (Document row : rows) {
            Document id = row.get("_id", Document.class);
            if (grid(id) != null) {
                grids.computeIfAbsent(String.valueOf(id.get("category")), c -> new HashMap<>())
                        .merge(grid(id), count(row, "tickets"), Long::sum);
            }
        }
        Map<String, List<GridCount>> top = new TreeMap<>();
        grids.forEach((category, counts) -> top.put(category, counts.entrySet().stream()
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
        return mongo.find(Query.query(Criteria.where("_id").in(largest.stream().map(r -> r.getString("_id"))
                        .toList())), Document.class, FactRecorder.COLLECTION)
                .collectMap(root -> root.getString("_id"))
                .map(details -> largest.stream().map(root -> {
                    Document ticket = details.getOrDefault(root.getString("_id"), new Document());
                    String grid = grid(ticket);
                    return new Cluster(root.getString("_id"), ticket.getString("ticketNumber"),
                            ticket.getString("category"), grid, grid == null ? null : district(grid),
                            count(root, "linked"), count(root, "repeats"));
                }).toList());
    }

    /** The grid routing assigned the ticket in, else the grid its point lies in. */
    private static String grid(Document fact) {
        return fact.getString("gridId") != null ? fact.getString("gridId") : fact.getString("placedGridId");
    }

    private String district(String grid) {
        return city.byId(grid).map(Grid::district).orElse(null);
    }

    private static long count(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** The hot spots of a period. */
    record Hotspots(LocalDate from, LocalDate to, String category, List<GridLoad> grids,
            Map<String, List<GridCount>> byCategory, List<Cluster> clusters) {
    }

    /** A grid's tickets in the period, its most frequent category and every category's count. */
    record GridLoad(String gridId, String district, long tickets, String topCategory, Map<String, Long> categories) {
    }

    /** A grid and its tickets of one category. */
    record GridCount(String gridId, long tickets) {
    }

    /**
     * A ticket and the tickets linked to it in the period: repeat calls about it and other callers' reports of the
     * same incident.
     */
    record Cluster(String ticketId, String ticketNumber, String category, String gridId, String district,
            long linkedTickets, long repeatCalls) {
    }
}
