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
import org.hotline12345.analytics.csv.Csv;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.csv.DayRange;
import org.hotline12345.analytics.facts.FactUpdates;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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

    HotspotsController(ReactiveMongoTemplate mongo, Clock clock) {
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
        Criteria inPeriod = Criteria.where("receivedDay").gte(start.toString()).lte(end.toString());
        if (category != null) {
            inPeriod = inPeriod.and("category").is(category);
        }
        Query query = Query.query(inPeriod);
        query.fields().include("gridId", "district", "category", "linkedTo", "repeat");
        return mongo.find(query, Document.class, FactRecorder.COLLECTION).collectList()
                .flatMap(facts -> clusters(facts, limit).map(clusters -> new Hotspots(start, end, category,
                        grids(facts, limit), byCategory(facts), clusters)))
                .map(hotspots -> "clusters".equals(table)
                        ? Csv.respond(hotspots, hotspots.clusters(), accept,
                                "ticketNumber,category,gridId,district,linkedTickets,repeatCalls",
                                c -> Arrays.asList(c.ticketNumber(), c.category(), c.gridId(), c.district(),
                                        c.linkedTickets(), c.repeatCalls()))
                        : Csv.respond(hotspots, hotspots.grids(), accept, "gridId,district,tickets,topCategory",
                                g -> Arrays.asList(g.gridId(), g.district(), g.tickets(), g.topCategory())));
    }

    private static List<GridLoad> grids(List<Document> facts, int limit) {
        Map<String, Map<String, Long>> categoriesByGrid = new HashMap<>();
        Map<String, String> districts = new HashMap<>();
        for (Document fact : facts) {
            String grid = fact.getString("gridId");
            if (grid != null) {
                categoriesByGrid.computeIfAbsent(grid, g -> new TreeMap<>())
                        .merge(String.valueOf(fact.get("category")), 1L, Long::sum);
                if (fact.getString("district") != null) {
                    districts.put(grid, fact.getString("district"));
                }
            }
        }
        return categoriesByGrid.entrySet().stream()
                .map(e -> new GridLoad(e.getKey(), districts.get(e.getKey()),
                        e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        e.getValue().entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                                .map(Map.Entry::getKey).orElse(null), e.getValue()))
                .sorted(Comparator.comparingLong(GridLoad::tickets).reversed().thenComparing(GridLoad::gridId))
                .limit(limit)
                .toList();
    }

    private static Map<String, List<GridCount>> byCategory(List<Document> facts) {
        Map<String, Map<String, Long>> gridsByCategory = new TreeMap<>();
        for (Document fact : facts) {
            if (fact.getString("gridId") != null) {
                gridsByCategory.computeIfAbsent(String.valueOf(fact.get("category")), c -> new HashMap<>())
                        .merge(fact.getString("gridId"), 1L, Long::sum);
            }
        }
        Map<String, List<GridCount>> top = new TreeMap<>();
        gridsByCategory.forEach((category, grids) -> top.put(category, grids.entrySet().stream()
                .map(e -> new GridCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(GridCount::tickets).reversed().thenComparing(GridCount::gridId))
                .limit(GRIDS_PER_CATEGORY).toList()));
        return top;
    }

    private Mono<List<Cluster>> clusters(List<Document> facts, int limit) {
        Map<String, long[]> linked = new HashMap<>();
        for (Document fact : facts) {
            String root = fact.getString("linkedTo");
            if (root != null) {
                long[] counts = linked.computeIfAbsent(root, r -> new long[2]);
                counts[0]++;
                if (Boolean.TRUE.equals(fact.get("repeat"))) {
                    counts[1]++;
                }
            }
        }
        List<String> largest = linked.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(limit).map(Map.Entry::getKey).toList();
        if (largest.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(largest)), Document.class, FactRecorder.COLLECTION)
                .collectMap(root -> root.getString("_id"))
                .map(roots -> {
                    List<Cluster> clusters = new ArrayList<>();
                    for (String id : largest) {
                        Document root = roots.getOrDefault(id, new Document());
                        clusters.add(new Cluster(id, root.getString("ticketNumber"), root.getString("category"),
                                root.getString("gridId"), root.getString("district"), linked.get(id)[0],
                                linked.get(id)[1]));
                    }
                    return clusters;
                });
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
