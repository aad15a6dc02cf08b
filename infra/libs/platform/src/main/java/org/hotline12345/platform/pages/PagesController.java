package org.hotline12345.platform.pages;

import java.util.Map;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.referencedata.City;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What a page asks before it can work: where people sign in, then the city's names and map. */
@RestController
public class PagesController {

    private final PageConfig config;
    private final CityNames names;

    public PagesController(HotlineProperties properties, City city, Environment environment) {
        HotlineProperties.Pages pages = properties.pages();
        this.config = new PageConfig(pages.issuer(), pages.clientId(), pages.scope(), pages.services(),
                tokenLinks(pages, environment));
        this.names = CityNames.of(city);
    }

    /**
     * Whether a page may take a token handed to it in its address ({@code #token=}), as scripts and tests do where
     * no provider is configured: never in production mode ({@code HOTLINE_PRODUCTION}), where a link must not put
     * someone to work under another person's name, nor where people sign in at a provider.
     */
    static boolean tokenLinks(HotlineProperties.Pages pages, Environment environment) {
        boolean production = environment.getProperty("hotline.production", Boolean.class, false);
        return !production && (pages.issuer() == null || pages.issuer().isBlank());
    }

    /** Public: a page reads it before anyone has signed in. It names no person and no data. */
    @GetMapping("/hub/config.json")
    Mono<ResponseEntity<PageConfig>> config() {
        return Mono.just(ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config));
    }

    /** Every signed-in role may read the city's names: they are on every page. */
    @GetMapping("/api/v1/city")
    @PreAuthorize("isAuthenticated()")
    Mono<CityNames> city() {
        return Mono.just(names);
    }

    /**
     * @param issuer the OpenID Connect provider to sign in with, null when none is configured
     * @param services each service's base address by name
     * @param tokenLinks whether the page takes a token from its address ({@code #token=}); otherwise it drops one
     */
    record PageConfig(String issuer, String clientId, String scope, Map<String, String> services,
            boolean tokenLinks) {
    }
}
