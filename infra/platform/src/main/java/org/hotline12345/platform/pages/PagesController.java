package org.hotline12345.platform.pages;

import java.util.Map;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.referencedata.City;
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

    public PagesController(HotlineProperties properties, City city) {
        HotlineProperties.Pages pages = properties.pages();
        this.config = new PageConfig(pages.issuer(), pages.clientId(), pages.scope(), pages.services());
        this.names = CityNames.of(city);
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
     */
    record PageConfig(String issuer, String clientId, String scope, Map<String, String> services) {
    }
}
