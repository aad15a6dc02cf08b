package org.hotline12345.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service with a page, {@code /console}, public as the services' pages are: however a browser asks for the page's
 * HTML, the answer carries the pages' Content-Security-Policy, and the page is told whether it may take a token from
 * its address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hotline.security.public-paths=/public/**,/console,/console/**")
@AutoConfigureWebTestClient
class PageAnswersIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "page-answers-it");
    }

    @Autowired
    WebTestClient web;

    @Test
    void everyWayToThePagesHtmlCarriesThePolicy() {
        for (String address : new String[] {"/console", "/console/", "/console/index.html", "/hub/callback.html",
                "/hub/signed-out.html"}) {
            String policy = web.get().uri(address).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(address).isNotNull().contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void scriptsAndDataCarryNoPagePolicy() {
        web.get().uri("/hub/hub.js").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Security-Policy");
        web.get().uri("/hub/config.json").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Security-Policy");
        // the modules every page imports and the dictionaries they read, served to anyone like the scripts; a
        // browser runs a module only when its type is JavaScript's
        for (String shared : new String[] {"/hub/words.js", "/hub/problems.js", "/hub/deadlines.js"}) {
            web.get().uri(shared).exchange().expectStatus().isOk()
                    .expectHeader().value("Content-Type", type -> assertThat(type).contains("javascript"));
        }
        web.get().uri("/hub/words/zh.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.hub.signIn").isEqualTo("登录");
        web.get().uri("/hub/words/en.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.hub.signIn").isEqualTo("Sign in");
    }

    @Test
    void aPageWithoutAProviderOutsideProductionTakesATokenFromItsAddress() {
        web.get().uri("/hub/config.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.issuer").doesNotExist().jsonPath("$.tokenLinks").isEqualTo(true);
    }
}
