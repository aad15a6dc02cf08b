package org.hotline12345.routing.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.Address;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A city whose folder keeps the automatic re-route for a category ({@code "returnReview": false}): Ürümqi's heating
 * returns are placed again by the rules at once, while its water returns wait for the centre.
 */
@HubIntegrationTest(database = "routing-city-folder-returns-it", properties = {
        "hotline.city.dir=../infra/libs/reference-data/src/test/resources/cities/urumqi",
        "hotline.routing.workflow.sweep-interval=1h"})
class CityFolderReturnsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.ROUTING_TICKETS);

    @Autowired
    WebTestClient web;

    @Test
    void reroutesAtOnceWhereTheFolderSaysSoAndHasTheCentreReviewEveryOtherReturn() {
        String heating = dispatched("HEATING", "暖气不热，室温只有十二度");
        String water = dispatched("WATER_SUPPLY", "小区停水一整天");

        returned(heating, "URUMQI_HEAT").jsonPath("$.status").doesNotExist();
        returned(water, "URUMQI_WATER").jsonPath("$.status").isEqualTo("RETURN_REVIEW");

        // no other unit's rule matches heating: the old way sends it straight to triage
        ticket(heating).jsonPath("$.status").isEqualTo("TRIAGE").jsonPath("$.returnedBy[0]").isEqualTo("URUMQI_HEAT");
        ticket(water).jsonPath("$.status").isEqualTo("RETURN_REVIEW").jsonPath("$.unitId").isEqualTo("URUMQI_WATER");
        List<String> waiting = web.get().uri("/api/v1/reviews/returns?size=200")
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(ReviewRequests.WaitingReturn.class).returnResult().getResponseBody().stream()
                .map(ReviewRequests.WaitingReturn::ticketId).toList();
        assertThat(waiting).contains(water).doesNotContain(heating);
    }

    private WebTestClient.BodyContentSpec returned(String id, String unit) {
        return web.post().uri("/api/v1/tickets/{id}/reject", id)
                .headers(h -> h.setBearerAuth(infra.tokens().mintUnit("unit-" + unit, unit)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reasonCode\":\"NOT_OUR_DUTY\",\"reasonText\":\"不属本单位\"}").exchange()
                .expectStatus().isOk().expectBody();
    }

    private WebTestClient.BodyContentSpec ticket(String id) {
        return web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk().expectBody();
    }

    private String dispatched(String category, String description) {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261206-" + id.substring(0, 4), Channel.PHONE, category, Urgency.NORMAL, description,
                new GeoPoint(43.785, 87.625), new Address("新华北路", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        reader.awaitEvents(id, TicketLifecycleEvent.class, TicketAssigned.class);
        return id;
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
