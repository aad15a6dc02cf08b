package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A deployment gives the actuator its own port ({@code MANAGEMENT_SERVER_PORT}), reachable only inside the private
 * network: Prometheus scrapes it and the orchestrator probes it without a token, while the service's own port
 * serves no actuator at all and everything else still asks for one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class ManagementPortIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "management-port-it");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusScrapesTheManagementPortWithoutAToken() {
        String scraped = client(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scraped).contains("hotline_outbox_backlog")
                .containsPattern("http_server_requests_seconds_bucket\\{.*le=");
    }

    @Test
    void probesNeedNoTokenAndReadinessWaitsForTheDatabase() {
        client(managementPort).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client(managementPort).get().uri("/actuator/health/readiness")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("admin-1", "ADMIN"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
    }

    @Test
    void everyOtherActuatorEndpointOnTheManagementPortStillNeedsAToken() {
        client(managementPort).get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        client(managementPort).get().uri("/actuator/info")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("admin-1", "ADMIN"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void theServicesOwnPortServesNoMetricsAndItsApiStillNeedsAToken() {
        client(port).get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        client(port).get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("analyst-1", "ANALYST"))).exchange()
                .expectStatus().isNotFound();
        client(port).post().uri("/notes").exchange().expectStatus().isUnauthorized();
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
