package org.hotline12345.intake.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hotline12345.contracts.Priority;
import org.hotline12345.intake.channels.ChannelLimits;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
 * Every read counts against its client address's limit, and a city may require a client's key for reads too.
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
    private final ClientAddresses clients;
    private final ApiKeys apiKeys;
    private final ChannelLimits channelLimits;
    private final List<Category> categories;
    private final Map<String, List<String>> keywords;
    private final Instant changeset = Instant.now();

    Open311Controller(Open311Settings settings, ServiceRequests requests, Submissions submissions,
            RateLimits limits, ClientAddresses clients, ApiKeys apiKeys, ChannelLimits channelLimits, City city) {
        this.clients = clients;
        this.apiKeys = apiKeys;
        this.categories = city.categories();
        this.keywords = city.categoryVocabulary();
        this.settings = settings;
        this.requests = requests;
        this.submissions = submissions;
        this.limits = limits;
        this.channelLimits = channelLimits;
    }

    /** Where to find the endpoint and ask for a key: open even where reads need a key, to say where to get one. */
    @GetMapping("/discovery." + FORMAT)
    Mono<ResponseEntity<String>> discovery(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            ServerHttpRequest request) {
        return limited(request).then(Mono.fromSupplier(() -> {
            checkJurisdiction(jurisdiction);
            Map<String, Object> endpoint = fields("specification", SPECIFICATION, "url", settings.endpointUrl(),
                    "changeset", requests.datetime(changeset), "type", "production",
                    "formats", List.of("text/xml", "application/json"));
            return Open311Body.render(HttpStatus.OK, format, "discovery", fields("changeset",
                    requests.datetime(changeset), "contact", settings.contact(), "key_service", settings.keyService(),
                    "endpoints", List.of(endpoint)));
        }));
    }

    @GetMapping("/services." + FORMAT)
    Mono<ResponseEntity<String>> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "api_key", required = false) String apiKey, ServerHttpRequest request) {
        return read(request, apiKey, () -> {
            checkJurisdiction(jurisdiction);
            List<Map<String, Object>> services = categories.stream().map(c -> fields("service_code", c.code(),
                    "service_name", c.zh(), "description", c.en(), "metadata", true, "type", "realtime",
                    "keywords", String.join(",", keywords.getOrDefault(c.code(), List.of()).stream().limit(6)
                            .toList()),
                    "group", c.defaultPriority() == Priority.CONSULTATION ? "enquiries" : "problems")).toList();
            return Mono.just(Open311Body.render(HttpStatus.OK, format, "services", services));
        });
    }

    @GetMapping("/services/{code}." + FORMAT)
    Mono<ResponseEntity<String>> definition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "api_key", required = false) String apiKey, ServerHttpRequest request) {
        return read(request, apiKey, () -> {
            checkJurisdiction(jurisdiction);
            categories.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow(
                    () -> new Open311Error(HttpStatus.NOT_FOUND, "service_code " + code + " is not a service here"));
            return Mono.just(Open311Body.render(HttpStatus.OK, format, "service_definition",
                    fields("service_code", code, "attributes", ServiceAttributes.definitions())));
        });
    }

    @PostMapping(path = "/requests." + FORMAT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> submit(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            ServerWebExchange exchange) {
        checkJurisdiction(jurisdiction);
        return exchange.getFormData().flatMap(form -> {
            String apiKey = form.getFirst("api_key");
            if (!apiKeys.valid(apiKey)) {
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
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "api_key", required = false) String apiKey, ServerHttpRequest request) {
        return read(request, apiKey, () -> {
            checkJurisdiction(jurisdiction);
            Instant end = endDate == null ? Instant.now() : date("end_date", endDate);
            Instant start = startDate == null ? end.minus(Duration.ofDays(settings.searchDays()))
                    : date("start_date", startDate);
            if (start.isAfter(end)) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date is after end_date");
            }
            // a search spans a bounded period, so that no request makes the database walk the hub's whole history
            if (Duration.between(start, end).compareTo(Duration.ofDays(settings.searchDays())) > 0) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date and end_date may be at most "
                        + settings.searchDays() + " days apart");
            }
            List<String> numbers = list(ids);
            if (numbers.size() > settings.maxResults()) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "service_request_id may name at most "
                        + settings.maxResults() + " requests");
            }
            Set<String> statuses = new LinkedHashSet<>(list(status));
            if (!Set.of("open", "closed").containsAll(statuses)) {
                throw new Open311Error(HttpStatus.BAD_REQUEST, "status must be open or closed");
            }
            return requests.search(new ServiceRequests.Search(numbers, list(serviceCodes), start, end, statuses))
                    .map(found -> Open311Body.render(HttpStatus.OK, format, "service_requests", found));
        });
    }

    @GetMapping("/requests/{id}." + FORMAT)
    Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "api_key", required = false) String apiKey, ServerHttpRequest request) {
        return read(request, apiKey, () -> {
            checkJurisdiction(jurisdiction);
            return requests.byNumber(id)
                    .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.NOT_FOUND,
                            "service_request_id " + id + " was not found")))
                    .map(found -> Open311Body.render(HttpStatus.OK, format, "service_requests", List.of(found)));
        });
    }

    @GetMapping("/tokens/{token}." + FORMAT)
    Mono<ResponseEntity<String>> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "api_key", required = false) String apiKey, ServerHttpRequest request) {
        return read(request, apiKey, () -> {
            checkJurisdiction(jurisdiction);
            return requests.numberOfToken(token)
                    .switchIfEmpty(Mono.error(() -> new Open311Error(HttpStatus.NOT_FOUND,
                            "token " + token + " was not found")))
                    .map(number -> Open311Body.render(HttpStatus.OK, format, "service_requests",
                            List.of(fields("service_request_id", number, "token", token))));
        });
    }

    /**
     * A read: counted against the client address's limit first, so that a client guessing keys is limited too, then
     * refused without a valid key where the city requires one.
     */
    private Mono<ResponseEntity<String>> read(ServerHttpRequest request, String apiKey,
            Supplier<Mono<ResponseEntity<String>>> answer) {
        return limited(request).then(Mono.defer(() -> {
            if (settings.keyRequiredForReads() && !apiKeys.valid(apiKey)) {
                return Mono.error(new Open311Error(HttpStatus.FORBIDDEN, "api_key is missing or not valid"));
            }
            return answer.get();
        }));
    }

    private Mono<Void> limited(ServerHttpRequest request) {
        return limits.admit("Open311 reads from this address", "open311:read:" + clients.of(request),
                settings.readsPerAddress(), channelLimits.window());
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
            if (date.isBefore(EARLIEST) || date.isAfter(Instant.now().plus(Duration.ofDays(366)))) {
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
