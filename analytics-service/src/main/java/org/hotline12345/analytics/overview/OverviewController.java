package org.hotline12345.analytics.overview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hotline12345.analytics.tables.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.bson.Document;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.facts.FactUpdates;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The overview analysts open first: today's tickets by default, any period of days on request. */
@RestController
@PreAuthorize("hasRole('ANALYST')")
class OverviewController {

    private static final int MAX_DAYS = 366;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    OverviewController(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/analytics/overview", produces = {MediaType.APPLICATION_JSON_VALUE, Csv.TEXT_CSV})
    Mono<ResponseEntity<?>> overview(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to, @RequestHeader(name = "Accept", required = false) String accept) {
        // one day given is that day alone; none is today
        DayRange range = DayRange.of(from, to, from != null ? from : LocalDate.now(clock.withZone(
                FactUpdates.CITY_ZONE)), end -> end, MAX_DAYS);
        LocalDate start = range.from();
        LocalDate end = range.to();
        Criteria period = Criteria.where("receivedDay").gte(start.toString()).lte(end.toString());
        return Mono.zip(List.of(
                        count(period),
                        count(period, Criteria.where("resolvedAtIntake").is(true)),
                        count(period, Criteria.where("assignedAt").exists(true)),
                        count(period, Criteria.where("acceptedAt").exists(true)),
                        count(period, Criteria.where("acceptedOnTime").is(true)),
                        count(period, Criteria.where("resolvedAt").exists(true)),
                        count(period, Criteria.where("closedAt").exists(true)),
                        sum(period, "returns"),
                        sum(period, "escalations")),
                counts -> new Overview(start, end, (long) counts[0], (long) counts[1], (long) counts[2],
                        (long) counts[3], (long) counts[4], (long) counts[5], (long) counts[6], (long) counts[7],
                        (long) counts[8]))
                .map(overview -> Csv.respond(overview, List.of(overview), accept, "from,to,received,resolvedAtIntake,"
                        + "assigned,accepted,acceptedOnTime,resolved,closed,returns,escalations", o -> Arrays.asList(
                        o.from(), o.to(), o.received(), o.resolvedAtIntake(), o.assigned(), o.accepted(),
                        o.acceptedOnTime(), o.resolved(), o.closed(), o.returns(), o.escalations())));
    }

    private Mono<Long> count(Criteria period, Criteria... more) {
        Criteria criteria = more.length == 0 ? period : new Criteria().andOperator(period, more[0]);
        return mongo.count(Query.query(criteria), "facts");
    }

    private Mono<Long> sum(Criteria period, String field) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(period),
                        Aggregation.group().sum(field).as("total")), "facts", Document.class)
                .next()
                .map(total -> ((Number) total.get("total", 0)).longValue())
                .defaultIfEmpty(0L);
    }
}
