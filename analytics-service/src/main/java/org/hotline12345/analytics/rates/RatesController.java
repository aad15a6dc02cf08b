package org.hotline12345.analytics.rates;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotline12345.analytics.tables.Csv;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.referencedata.SampleCity;
import org.hotline12345.referencedata.Unit;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The three rates and the monthly ranking, as JSON or, with {@code Accept: text/csv}, as CSV. */
@RestController
@RequestMapping("/api/v1/analytics")
@PreAuthorize("hasRole('ANALYST')")
@Validated
class RatesController {

    private static final int MAX_DAYS = 366;

    private final RateQueries queries;
    private final Clock clock;
    private final Map<String, String> unitNames;

    RatesController(RateQueries queries, Clock clock, SampleCity city) {
        this.unitNames = city.units().stream().collect(Collectors.toMap(Unit::id, Unit::zh));
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping(value = "/rates", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    Mono<ResponseEntity<?>> rates(@RequestParam(defaultValue = "unit") @Pattern(regexp = "unit|grid|district|category|city")
            String groupBy, @RequestParam(defaultValue = "month") @Pattern(regexp = "day|week|month") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
        DayRange range = DayRange.of(from, to, LocalDate.now(clock.withZone(FactUpdates.CITY_ZONE)),
                end -> end.withDayOfMonth(1), MAX_DAYS);
        LocalDate start = range.from();
        LocalDate end = range.to();
        return queries.counts(groupBy, period, start, end)
                .map(rows -> rows.stream().map(RateRow::of).toList())
                .map(rows -> Csv.respond(rows, accept, RateRow.CSV_HEADER, RateRow::cells));
    }

    @GetMapping(value = "/ranking", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    Mono<ResponseEntity<?>> ranking(@RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{2}") String month,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept) {
        YearMonth current = month == null ? YearMonth.now(clock.withZone(FactUpdates.CITY_ZONE))
                : YearMonth.parse(month);
        YearMonth previous = current.minusMonths(1);
        return Mono.zip(monthCounts(previous), monthCounts(current)).map(both -> {
            Map<String, Integer> previousRanks = ranks(both.getT1());
            Map<String, Double> previousScores = both.getT1().stream().filter(c -> c.composite() != null)
                    .collect(Collectors.toMap(RateCounts::group, RateCounts::composite));
            List<RateCounts> ranked = rank(both.getT2());
            List<RankingEntry> entries = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                RateCounts c = ranked.get(i);
                Double before = previousScores.get(c.group());
                entries.add(new RankingEntry(i + 1, c.group(), unitNames.getOrDefault(c.group(), c.group()),
                        c.composite(), c.responseRate(), c.resolutionRate(), c.satisfactionRate(), c.assigned(),
                        c.rated(), previousRanks.get(c.group()),
                        before == null ? null : Math.round((c.composite() - before) * 100) / 100.0));
            }
            return Csv.respond(entries, accept, "rank,unitId,unitName,composite,responseRate,resolutionRate,"
                    + "satisfactionRate,assigned,rated,previousRank,compositeChange", e -> Arrays.asList(e.rank(),
                    e.unitId(), e.unitName(), e.composite(), e.responseRate(), e.resolutionRate(),
                    e.satisfactionRate(), e.assigned(), e.rated(), e.previousRank(), e.compositeChange()));
        });
    }

    private Mono<List<RateCounts>> monthCounts(YearMonth month) {
        return queries.counts("unit", "month", month.atDay(1), month.atEndOfMonth());
    }

    /** Units with a composite score, best first; ties broken by more rated tickets, then by unit id. */
    private static List<RateCounts> rank(List<RateCounts> counts) {
        return counts.stream().filter(c -> c.composite() != null)
                .sorted(Comparator.comparing(RateCounts::composite).reversed()
                        .thenComparing(Comparator.comparingLong(RateCounts::rated).reversed())
                        .thenComparing(RateCounts::group))
                .toList();
    }

    private static Map<String, Integer> ranks(List<RateCounts> counts) {
        List<RateCounts> ranked = rank(counts);
        Map<String, Integer> ranks = new java.util.HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            ranks.put(ranked.get(i).group(), i + 1);
        }
        return ranks;
    }

    /** One group in one period with its counts and rates. */
    record RateRow(String group, String period, long received, long assigned, long acceptedOnTime,
            Double responseRate, long rated, long solved, Double resolutionRate, long satisfied,
            Double satisfactionRate, Double composite) {

        static final String CSV_HEADER = "group,period,received,assigned,acceptedOnTime,responseRate,rated,solved,"
                + "resolutionRate,satisfied,satisfactionRate,composite";

        static RateRow of(RateCounts c) {
            return new RateRow(c.group(), c.period(), c.received(), c.assigned(), c.acceptedOnTime(),
                    c.responseRate(), c.rated(), c.solved(), c.resolutionRate(), c.satisfied(),
                    c.satisfactionRate(), c.composite());
        }

        List<?> cells() {
            return Arrays.asList(group, period, received, assigned, acceptedOnTime, responseRate, rated, solved,
                    resolutionRate, satisfied, satisfactionRate, composite);
        }
    }
}
