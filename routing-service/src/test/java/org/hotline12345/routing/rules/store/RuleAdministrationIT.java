package org.hotline12345.routing.rules.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@HubIntegrationTest(database = "routing-rules-it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleAdministrationIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String NOISE_TO_POLICE = """
            {"description":"night-time noise is a police matter","rules":[
              {"id":"noise-police","when":{"categories":["NOISE"]},"lead":"POLICE","priority":"HIGH",
               "acceptWithin":"PT2H"},
              {"id":"water","when":{"categories":["WATER_SUPPLY"]},"lead":"WATER_CO"}]}""";
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.ROUTING_TICKETS);

    @Autowired
    WebTestClient web;

    @Test
    @Order(1)
    void showsTheActiveRuleSetAndItsHistoryToAdministratorsOnly() {
        web.get().uri("/api/v1/rules").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.rules[0].id").isEqualTo("gas-leak-urgent");
        web.get().uri("/api/v1/rules/versions").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].createdBy").isEqualTo("reference-data");
        web.get().uri("/api/v1/rules").headers(h -> h.setBearerAuth(infra.tokens().mint("s", "SUPERVISOR")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    @Order(2)
    void refusesARuleSetThatNamesWhatTheCityDoesNotHaveAndKeepsTheActiveOne() {
        put("""
                {"description":"typos","rules":[{"id":"n","when":{"categories":["NOISY"]},"lead":"FIRE_DEPT"},
                  {"id":"n2","when":{"categories":["NOISE"],"hours":"25:00-06:00"},"lead":"POLICE"}]}""")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("rules[0].lead").contains("rules[0].when.categories").contains("rules[1].when.hours"));
        web.get().uri("/api/v1/rules").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    @Order(3)
    void dryRunsAProposalAgainstPastTicketsAndChangesNothing() {
        String noise = route("NOISE");
        route("WATER_SUPPLY");

        web.post().uri("/api/v1/rules/dry-run?lastN=50").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(NOISE_TO_POLICE).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.comparedWithVersion").isEqualTo(1)
                .jsonPath("$.evaluated").isEqualTo(2)
                .jsonPath("$.changed").isEqualTo(1)
                .jsonPath("$.moves[0].from").isEqualTo("URBAN_MGMT")
                .jsonPath("$.moves[0].to").isEqualTo("POLICE")
                .jsonPath("$.examples[0].ticketId").isEqualTo(noise);
        web.get().uri("/api/v1/rules").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(1);
        web.get().uri("/api/v1/tickets/{id}", noise).headers(h -> h.setBearerAuth(infra.tokens().mint("s",
                "SUPERVISOR"))).exchange().expectBody().jsonPath("$.unitId").isEqualTo("URBAN_MGMT");
    }

    @Test
    @Order(4)
    void routesNewTicketsByAnUploadedVersionAtOnce() {
        put(NOISE_TO_POLICE).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.createdBy").isEqualTo("admin-1");

        String id = route("NOISE");

        TicketAssigned assigned = (TicketAssigned) reader.eventsFor(id, TicketLifecycleEvent.class).get(0);
        assertThat(assigned.unitId()).isEqualTo("POLICE");
        assertThat(assigned.reason().ruleSetVersion()).isEqualTo(2);
        assertThat(assigned.priority().name()).isEqualTo("HIGH");
        assertThat(Duration.between(assigned.occurredAt(), assigned.acceptBy())).isEqualTo(Duration.ofHours(2));
        web.get().uri("/api/v1/rules/versions").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    private String route(String category) {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-r-" + id.substring(0, 4), Channel.PHONE, category, Urgency.NORMAL, "a complaint",
                new GeoPoint(26.5785, 106.7135), null, new CitizenContact(null, null, null, null, "zh", false), false,
                null, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.eventsFor(id, TicketLifecycleEvent.class)
                .isEmpty());
        return id;
    }

    private WebTestClient.ResponseSpec put(String body) {
        return web.put().uri("/api/v1/rules").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String admin() {
        return infra.tokens().mint("admin-1", "ADMIN");
    }
}
