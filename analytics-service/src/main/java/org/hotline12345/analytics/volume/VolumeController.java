package org.hotline12345.analytics.volume;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.hotline12345.analytics.tables.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.facts.FactUpdates;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Ticket volume in a period (city days, today by default), by hour of the day or by day, each bucket with its
 * categories, and the total against the period of the same length just before.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class VolumeController {

    private static final int MAX_DAYS = 366;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    VolumeController(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/analytics/volume", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> volume(@RequestParam(defaultValue = "hour") @Pattern(regexp = "hour|day") String by,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange range = DayRange.of(from, to, LocalDate.now(clock.withZone(FactUpdates.CITY_ZONE)), end -> end,
                MAX_DAYS);
        LocalDate start = range.from();
        LocalDate end = range.to();
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        LocalDate previousStart = start.minusDays(days);
        LocalDate previousEnd = start.minusDays(1);
        String bucketField = "hour".equals(by) ? "receivedHour" : "receivedDay";
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("receivedDay").gte(start.toString()).lte(end.toString())),
                Aggregation.group(bucketField, "category").count().as("tickets"));
        Mono<Map<String, Map<String, Long>>> buckets = mongo.aggregate(aggregation, "facts", Document.class)
                .collect(TreeMap::new, (map, row) -> {
                    Document id = row.get("_id", Document.class);
                    map.computeIfAbsent(String.valueOf(id.get(bucketField)), b -> new TreeMap<>())
                            .put(String.valueOf(id.get("category")), ((Number) row.get("tickets")).longValue());
                });
        Mono<Long> previous = mongo.count(Query.query(Criteria.where("receivedDay").gte(previousStart.toString())
                .lte(previousEnd.toString())), "facts");
        return Mono.zip(buckets, previous).map(both -> {
            List<Bucket> rows = both.getT1().entrySet().stream()
                    .map(e -> new Bucket(e.getKey(), e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                            e.getValue()))
                    .toList();
            long total = rows.stream().mapToLong(Bucket::tickets).sum();
            Double change = both.getT2() == 0 ? null
                    : Math.round(1000.0 * (total - both.getT2()) / both.getT2()) / 10.0;
            return new Volume(start, end, by, total, previousStart, previousEnd, both.getT2(), change, rows);
        }).map(volume -> Csv.respond(volume, volume.buckets().stream().flatMap(bucket -> bucket.byCategory()
                        .entrySet().stream().map(e -> Arrays.asList(bucket.bucket(), e.getKey(), e.getValue())))
                .toList(), accept, ("hour".equals(by) ? "hour" : "day") + ",category,tickets", row -> row));
    }

    /**
     * The volume of a period: its buckets, its total, and the total of the period before with the change in
     * percent ({@code null} when the period before had none).
     */
    record Volume(LocalDate from, LocalDate to, String by, long tickets, LocalDate previousFrom,
            LocalDate previousTo, long previousTickets, Double changePercent, List<Bucket> buckets) {
    }

    /** One hour of the day ({@code 00} to {@code 23}) or one day, with its tickets by category. */
    record Bucket(String bucket, long tickets, Map<String, Long> byCategory) {
    }
}
