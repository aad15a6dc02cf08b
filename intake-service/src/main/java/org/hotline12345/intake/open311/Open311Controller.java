package org.hotline12345.intake.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * GeoReport v2: discovery, services and their definitions, submitting requests, searching them, reading one and
 * resolving a token. Every path ends in {@code .json} or {@code .xml}, which decides the format of the answer.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String FORMAT = "{format:json|xml}";
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Settings settings;
    private final ServiceRequests requests;
    private final Submissions submissions;
    private final RateLimits limits;
    private final ChannelLimits channelLimits;
    private final List<Category> categories;
    private final Map<String, List<String>> keywords;
    private final Instant changeset = Instant.now();

    Open311Controller(Open311Settings settings, ServiceRequests requests, Submissions submissions,
            RateLimits limits, ChannelLimits channelLimits, City city) {
        this.categories = city.categories();
        this.keywords = city.categoryVocabulary();
        this.settings = settings;
        this.requests = requests;
        this.submissions = submissions;
        this.limits = limits;
        this.channelLimits = channelLimits;
    }

    @GetMapping("/discovery." + FORMAT)
    ResponseEntity<String> discovery(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            ServerWebExchange exchange) {
        checkJurisdiction(jurisdiction);
        String url = exchange.getRequest().getURI().resolve("/open311/v2").toString();
        Map<String, Object> endpoint = fields("specification", SPECIFICATION, "url", url,
                "changeset", requests.datetime(changeset), "type", "production",
                "formats", List.of("text/xml", "application/json"));
        return Open311Body.render(HttpStatus.OK, format, "discovery", fields("changeset",
                requests.datetime(changeset), "contact", settings.contact(), "key_service", settings.keyService(),
                "endpoints", List.of(endpoint)));
    }

    @GetMapping("/services." + FORMAT)
    ResponseEntity<String> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        List<Map<String, Object>> services = categories.stream().map(c -> fields("service_code", c.code(),
                "service_name", c.zh(), "description", c.en(), "metadata", true, "type", "realtime",
                "keywords", String.join(",", keywords.getOrDefault(c.code(), List.of()).stream().limit(6).toList()),
                "group", c.defaultPriority().equals("CONSULTATION") ? "enquiries" : "problems")).toList();
        return Open311Body.render(HttpStatus.OK, format, "services", services);
    }

    @GetMapping("/services/{code}." + FORMAT)
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        categories.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow(
                () -> new Open311Error(HttpStatus.NOT_FOUND, "service_code " + code + " is not a service here"));
        return Open311Body.render(HttpStatus.OK, format, "service_definition",
                fields("service_code", code, "attributes", ServiceAttributes.definitions()));
    }

    @PostMapping(path = "/requests." + FORMAT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> submit(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerWebExchange exchange) {
        checkJurisdiction(jurisdiction);
        return exchange.getFormData().flatMap(form -> {
            String apiKey = form.getFirst("api_key");
            if (apiKey == null || !settings.apiKeys().contains(apiKey)) {
                return Mono.error(new Open311Error(HttpStatus.FORBIDDEN, "api_key is missing or not valid"));
            }
            return limits.admit("requests with this api_key", "open311:key:" + Submissions.fingerprint(apiKey),
                            settings.requestsPerKey(), channelLimits.window())
                    .then(Mono.defer(() -> submissions.submit(form, idempotencyKey)))
                    .map(receipt -> Open311Body.render(HttpStatus.OK, format, "service_requests", List.of(fields(
                            "service_request_id", receipt.ticketNumber(), "token", receipt.ticketId(),
                            "service_notice", "Registered as ticket " + receipt.ticketNumber() + " of the 12345 "
                                    + "hotline; it is routed to the responsible unit at once.",
                            "account_id", null))));
        });
    }

    @GetMapping("/requests." + FORMAT)
    Mono<ResponseEntity<String>> search(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String status) {
        checkJurisdiction(jurisdiction);
        Instant end = endDate == null ? Instant.now() : date("end_date", endDate);
        Instant start = startDate == null ? end.minus(java.time.Duration.ofDays(settings.searchDays()))
                : date("start_date", startDate);
        if (start.isAfter(end)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date is after end_date");
        }
        Set<String> statuses = new LinkedHashSet<>(list(status));
        if (!Set.of("open", "closed").containsAll(statuses)) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "status must be open or closed");
        }
        return requests.search(new ServiceRequests.Search(list(ids), list(serviceCodes), start, end, statuses))
                .map(found -> Open311Body.render(HttpStatus.OK, format, "service_requests", found));
    }

    @GetMapping("/requests/{id}." + FORMAT)
    Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        return requests.byNumber(id)
                .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.NOT_FOUND,
                        "service_request_id " + id + " was not found")))
                .map(found -> Open311Body.render(HttpStatus.OK, format, "service_requests", List.of(found)));
    }

    @GetMapping("/tokens/{token}." + FORMAT)
    Mono<ResponseEntity<String>> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        return requests.numberOfToken(token)
                .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.NOT_FOUND,
                        "token " + token + " was not found")))
                .map(number -> Open311Body.render(HttpStatus.OK, format, "service_requests",
                        List.of(fields("service_request_id", number, "token", token))));
    }

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.equals(settings.jurisdictionId())) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "jurisdiction_id " + jurisdiction
                    + " is not served here; this endpoint serves " + settings.jurisdictionId());
        }
    }

    private static Instant date(String name, String value) {
        try {
            // a client that did not escape the offset's "+" sends a space in its place
            Instant date = OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
            // the hub holds nothing older, and a year far out cannot even be given to the database
            if (date.isBefore(EARLIEST) || date.isAfter(Instant.now().plus(java.time.Duration.ofDays(366)))) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, name + " must be between 2000-01-01 and a year from "
                        + "now");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, name + " must be a W3C date and time with its offset, "
                    + "such as 2026-11-28T09:30:00+08:00");
        }
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** The fields in the order given: names and values alternating. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
