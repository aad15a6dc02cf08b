package org.hotline12345.analytics.deadlines;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.analytics.rollups.Rollups;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.tables.DayRange;
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
 * Time limits for tickets received in a period (this month by default), for the whole city or per unit, grid,
 * district or category. Read from the facts, so periods are bounded to a quarter.
 */
@RestController
@PreAuthorize("hasRole('ANALYST')")
@Validated
class DeadlinesController {

    private static final int MAX_DAYS = 92;
    private static final String[] FIELDS = {"unitId", "gridId", "district", "category", "assigned", "assignedAt",
        "acceptedOnTime", "resolvedAt", "resolvedOnTime", "resolveBy", "closed", "reopenedAt", "repeat",
        "resolvedAtIntake", "assignedUnits", "returnedBy", "returns"};

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    DeadlinesController(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/analytics/deadlines", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> deadlines(
            @RequestParam(defaultValue = "city") @Pattern(regexp = "city|unit|grid|district|category") String groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestHeader(name = "Accept", required = false) String accept) {
        DayRange range = DayRange.of(from, to, LocalDate.now(clock.withZone(FactUpdates.CITY_ZONE)),
                end -> end.withDayOfMonth(1), MAX_DAYS);
        LocalDate start = range.from();
        LocalDate end = range.to();
        Instant now = clock.instant();
        Query query = Query.query(Criteria.where("receivedDay").gte(start.toString()).lte(end.toString()));
        query.fields().include(FIELDS);
        return mongo.find(query, Document.class, FactRecorder.COLLECTION)
                .collect(() -> new TreeMap<String, TimeLimitFigures>(), (groups, fact) -> add(groups, fact,
                        groupBy, now))
                .map(groups -> groups.values().stream().map(TimeLimitFigures::result).toList())
                .map(rows -> Csv.respond(new Report(start, end, groupBy, rows), rows, accept, TimeLimits.CSV_HEADER,
                        TimeLimits::cells));
    }

    private static void add(Map<String, TimeLimitFigures> groups, Document fact, String groupBy, Instant now) {
        String group = "city".equals(groupBy) ? Rollups.CITY : fact.getString(Rollups.DIMENSIONS.get(groupBy));
        if (group != null) {
            groups.computeIfAbsent(group, TimeLimitFigures::new).add(fact, now);
        }
        if (!"unit".equals(groupBy)) {
            if (group != null) {
                groups.get(group).addReturnsOf(fact);
            }
            return;
        }
        List<String> returnedBy = fact.getList("returnedBy", String.class, List.of());
        for (String unit : fact.getList("assignedUnits", String.class, List.of())) {
            groups.computeIfAbsent(unit, TimeLimitFigures::new).addGiven(returnedBy.contains(unit));
        }
    }

    /** The figures of a period. */
    record Report(LocalDate from, LocalDate to, String groupBy, List<TimeLimits> groups) {
    }
}
