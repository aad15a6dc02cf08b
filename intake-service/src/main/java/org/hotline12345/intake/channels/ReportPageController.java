package org.hotline12345.intake.channels;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.hotline12345.intake.classify.CategorySuggester;
import org.hotline12345.intake.tickets.CallRequest;
import org.hotline12345.platform.problem.FieldCodes;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.ratelimits.ClientAddresses;
import org.hotline12345.platform.ratelimits.RateLimits;
import org.hotline12345.referencedata.City;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What the citizen's report page asks before the complaint is sent, without an account: the city's categories, the
 * category their words suggest while they type, and the open published reports of that category near their point,
 * which they may join as theirs too (the complaint's {@code joins}). Nothing is stored; the suggestions and the
 * nearby reports are limited per client address, as the look-up is. The point travels in a request body, so that no
 * access log keeps where someone stood.
 */
@RestController
@RequestMapping("/api/v1/public")
class ReportPageController {

    private final CategorySuggester suggester;
    private final NearbyReports nearby;
    private final RateLimits limits;
    private final ClientAddresses clients;
    private final ChannelLimits settings;
    private final City city;
    private final List<CategoryName> categories;

    ReportPageController(CategorySuggester suggester, NearbyReports nearby, RateLimits limits,
            ClientAddresses clients, ChannelLimits settings, City city) {
        this.suggester = suggester;
        this.nearby = nearby;
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
        this.city = city;
        this.categories = city.categories().stream().map(c -> new CategoryName(c.code(), c.zh(), c.en())).toList();
    }

    /** The city's categories with their names, for the page's choice; the same for everyone. */
    @GetMapping("/categories")
    Mono<ResponseEntity<List<CategoryName>>> categories() {
        return Mono.just(ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(categories));
    }

    /** The categories the citizen's words suggest, as the operator's console is told; nothing is kept. */
    @PostMapping("/categories/suggest")
    Mono<CategorySuggester.Suggestion> suggest(@Valid @RequestBody Words words, ServerHttpRequest request) {
        return limits.admit("suggestions for this address", "suggest:address:" + clients.of(request),
                        settings.suggestionsPerAddress(), settings.window())
                .then(Mono.fromSupplier(() -> suggester.explain(words.text())));
    }

    /**
     * The open published reports of {@code category} within 200 m of the point, nearest first: what the citizen may
     * join instead of reporting the same thing again. A category the city does not have is refused (400).
     */
    @PostMapping("/reports/nearby")
    Mono<ResponseEntity<List<NearbyReports.Nearby>>> nearby(@Valid @RequestBody Near near,
            ServerHttpRequest request) {
        return limits.admit("nearby searches from this address", "nearby:address:" + clients.of(request),
                        settings.nearbyPerAddress(), settings.window())
                .then(Mono.defer(() -> {
                    if (city.category(near.category()).isEmpty()) {
                        return Mono.error(new InvalidRequestException("category", FieldCodes.UNKNOWN,
                                "is not a category of the city"));
                    }
                    if (!Double.isFinite(near.location().lat()) || !Double.isFinite(near.location().lon())) {
                        return Mono.error(new InvalidRequestException("location", FieldCodes.RANGE,
                                "must be a point on the earth"));
                    }
                    return nearby.near(near.category(), near.location()).collectList();
                }))
                .map(list -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(list));
    }

    /** The words typed so far. */
    record Words(@NotBlank @Size(max = 2000) String text) {
    }

    /** Where the citizen is and what their complaint is about. */
    record Near(@NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String category,
            @NotNull @Valid CallRequest.Location location) {
    }

    /** A category's code and its names in both languages. */
    record CategoryName(String code, String zh, String en) {
    }
}
