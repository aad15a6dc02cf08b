package org.hotline12345.platform.pages;

import java.util.HashMap;
import java.util.Map;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the pages' configuration tells a page about a token in its address ({@code #token=}): a page takes one only
 * where people cannot sign in at a provider and the service is not in production mode. (A service in production
 * mode does not start on the test's settings, so the controller is served alone here.)
 */
class TokenLinksTest {

    static final City CITY = City.sample();

    @Test
    void aPageInProductionTakesNoTokenFromItsAddressEvenWithoutAProvider() {
        config(Map.of(), Map.of("hotline.production", "true"))
                .expectBody().jsonPath("$.issuer").doesNotExist().jsonPath("$.tokenLinks").isEqualTo(false);
    }

    @Test
    void aPageWhosePeopleSignInAtAProviderTakesNoTokenFromItsAddress() {
        config(Map.of("hotline.pages.issuer", "https://id.example.gov.cn/realms/hotline"), Map.of())
                .expectBody().jsonPath("$.tokenLinks").isEqualTo(false);
        config(Map.of("hotline.pages.issuer", "https://id.example.gov.cn/realms/hotline"),
                Map.of("hotline.production", "true"))
                .expectBody().jsonPath("$.tokenLinks").isEqualTo(false);
    }

    @Test
    void aPageWithoutAProviderOutsideProductionTakesOne() {
        config(Map.of(), Map.of("hotline.production", "false"))
                .expectBody().jsonPath("$.tokenLinks").isEqualTo(true);
    }

    private static WebTestClient.ResponseSpec config(Map<String, String> settings, Map<String, String> environment) {
        HotlineProperties properties = new Binder(new MapConfigurationPropertySource(new HashMap<>(settings)))
                .bindOrCreate("hotline", HotlineProperties.class);
        MockEnvironment env = new MockEnvironment();
        environment.forEach(env::setProperty);
        return WebTestClient.bindToController(new PagesController(properties, CITY, env)).build()
                .get().uri("/hub/config.json").exchange().expectStatus().isOk();
    }
}
