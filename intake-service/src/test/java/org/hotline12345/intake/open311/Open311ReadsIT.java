package org.hotline12345.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A city that hands its Open311 data to known clients only: reads need a key, discovery names the city's own
 * address, and every read counts against the client address's limit.
 */
@HubIntegrationTest(database = "intake-open311-reads-it", properties = {
        "hotline.intake.open311.api-keys=reader-key", "hotline.intake.open311.key-required-for-reads=true",
        "hotline.intake.open311.reads-per-address=8",
        "hotline.intake.open311.endpoint-url=https://12345.sample-city.example/open311/v2",
        // a day's window, so that no window ends while the test counts
        "hotline.intake.limits.window=1d"})
class Open311ReadsIT {

    @Autowired
    WebTestClient web;

    @Test
    void requiresTheKeyForReadsAndLimitsThemPerClientAddress() {
        web.get().uri("/open311/v2/discovery.json").header("Host", "attacker.example").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.endpoints[0].url").isEqualTo("https://12345.sample-city.example/open311/v2")
                .jsonPath("$.key_service").value(k -> assertThat((String) k).contains("key"));

        web.get().uri("/open311/v2/requests.json").exchange().expectStatus().isForbidden()
                .expectBody().json("[{\"code\":403,\"description\":\"api_key is missing or not valid\"}]");
        web.get().uri("/open311/v2/services.xml?api_key=reader-key-2").exchange().expectStatus().isForbidden();
        web.get().uri("/open311/v2/tokens/some-token.json?api_key=").exchange().expectStatus().isForbidden();
        web.get().uri("/open311/v2/requests.json?api_key=reader-key").exchange().expectStatus().isOk()
                .expectBody().json("[]");
        web.get().uri("/open311/v2/services/NOISE.json?api_key=reader-key").exchange().expectStatus().isOk();
        web.get().uri("/open311/v2/requests/12345-20261128-0001.json?api_key=reader-key").exchange()
                .expectStatus().isNotFound();
        web.get().uri("/open311/v2/tokens/some-token.json?api_key=reader-key").exchange()
                .expectStatus().isNotFound();

        // eight reads so far, refused ones included, so that guessing keys is limited too
        web.get().uri("/open311/v2/services.json?api_key=reader-key").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After").expectBody().jsonPath("$[0].code").isEqualTo(429);
        web.get().uri("/open311/v2/discovery.json").exchange().expectStatus().isEqualTo(429);
    }
}
