package org.hotline12345.routing.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.ReturnUpheld;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.MovableClock;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.routing.assignment.TicketView;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The centre's review of returns (退单审核) against the real broker and wire server: a return waits instead of
 * being placed again, and a supervisor upholds it (on to the next unit) or rejects it (back to the unit, its
 * deadlines as they were), each decision published with the ticket's other events.
 */
@HubIntegrationTest(database = "routing-return-review-it", properties = {
        "hotline.routing.workflow.sweep-interval=1h", "hotline.routing.workflow.return-review-within=2h"})
class ReturnReviewIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final MovableClock clock = new MovableClock(Instant.now());
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.ROUTING_TICKETS);

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @Autowired
    WebTestClient web;

    ReviewCalls calls;

    @BeforeEach
    void reviewCalls() {
        calls = new ReviewCalls(web, reader, "/api/v1/reviews/returns");
    }

    @Test
    void queuesReturnsOldestFirstWithTheRulesSuggestionForSupervisorsOnly() {
        String first = dispatchedNoiseTicket();
        String second = dispatchedNoiseTicket();
        // the database keeps instants to the millisecond
        Instant firstReturned = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        returned(first, "{\"reasonCode\":\"NOT_OUR_DUTY\",\"reasonText\":\"夜间噪音归公安\","
                + "\"basis\":\"《贵阳市城市管理权责清单》第12项\"}");
        clock.advance(Duration.ofMinutes(5));
        returned(second, "{\"reasonCode\":\"WRONG_PLACE\",\"reasonText\":\"不在本辖区\"}");

        List<ReviewRequests.WaitingReturn> waiting = queue("/api/v1/reviews/returns?size=200").stream()
                .filter(r -> r.ticketId().equals(first) || r.ticketId().equals(second)).toList();

        assertThat(waiting).extracting(ReviewRequests.WaitingReturn::ticketId).containsExactly(first, second);
        ReviewRequests.WaitingReturn oldest = waiting.get(0);
        assertThat(oldest.unitId()).isEqualTo("URBAN_MGMT");
        assertThat(oldest.reasonCode()).isEqualTo("NOT_OUR_DUTY");
        assertThat(oldest.basis()).isEqualTo("《贵阳市城市管理权责清单》第12项");
        assertThat(oldest.suggestedUnitId()).isEqualTo("POLICE");
        assertThat(oldest.suggestedUnitName()).isNotBlank();
        assertThat(oldest.reviewBy()).isEqualTo(firstReturned.plus(Duration.ofHours(2)));
        assertThat(oldest.overdue()).isFalse();
        assertThat(queue("/api/v1/reviews/returns?size=1")).hasSize(1);
        assertThat(queue("/api/v1/reviews/returns?page=1&size=1")).hasSize(1)
                .doesNotContainAnyElementsOf(queue("/api/v1/reviews/returns?size=1"));
        assertThat(calls.awaitEvent(first, TicketRejected.class).basis()).isEqualTo("《贵阳市城市管理权责清单》第12项");

        clock.advance(Duration.ofHours(3));
        assertThat(queue("/api/v1/reviews/returns?size=200")).filteredOn(r -> r.ticketId().equals(first))
                .singleElement().extracting(ReviewRequests.WaitingReturn::overdue).isEqualTo(true);
        for (String uri : List.of("/api/v1/reviews/returns?size=201", "/api/v1/reviews/returns?size=0",
                "/api/v1/reviews/returns?page=100000")) {
            web.get().uri(uri).headers(h -> h.setBearerAuth(supervisor())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/v1/reviews/returns").headers(h -> h.setBearerAuth(unit("URBAN_MGMT"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/reviews/returns").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void upholdsAReturnToTheRulesSuggestionAndPublishesTheDecisionWithTheAssignment() {
        String id = dispatchedNoiseTicket();
        returned(id, "{\"reasonCode\":\"NOT_OUR_DUTY\",\"reasonText\":\"夜间噪音归公安\"}");

        calls.decide(id, "uphold", supervisor(), "{\"reason\":\"夜间噪音由公安处理\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED").jsonPath("$.unitId").isEqualTo("POLICE")
                .jsonPath("$.returnDecisions[0].decision").isEqualTo("UPHELD")
                .jsonPath("$.returnDecisions[0].reason").isEqualTo("夜间噪音由公安处理")
                .jsonPath("$.returnDecisions[0].decidedBy").isEqualTo("sup-1")
                .jsonPath("$.returnDecisions[0].nextUnitId").isEqualTo("POLICE");

        ReturnUpheld upheld = calls.awaitEvent(id, ReturnUpheld.class);
        assertThat(upheld.unitId()).isEqualTo("URBAN_MGMT");
        assertThat(upheld.nextUnitId()).isEqualTo("POLICE");
        assertThat(upheld.reason()).isEqualTo("夜间噪音由公安处理");
        assertThat(upheld.decidedBy()).isEqualTo("sup-1");
        assertThat(calls.awaitEvent(id, TicketAssigned.class).unitId()).isEqualTo("POLICE");
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketRejected", "ReturnUpheld", "TicketAssigned");
        calls.act(id, "accept", unit("POLICE")).expectStatus().isOk();
        calls.decide(id, "uphold", supervisor(), "{\"reason\":\"again\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("ACCEPTED");
    }

    @Test
    void sendsARejectedReturnBackToTheUnitWithTheDeadlinesItHad() {
        String id = dispatchedNoiseTicket();
        calls.act(id, "accept", unit("URBAN_MGMT")).expectStatus().isOk();
        TicketView before = ticket(id, supervisor());
        returned(id, "{\"reasonCode\":\"NEEDS_OTHER_UNIT\",\"reasonText\":\"需公安配合\"}");
        clock.advance(Duration.ofMinutes(40));

        calls.decide(id, "reject", supervisor(), "{\"reason\":\"经营噪音属城管权责清单第12项\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED").jsonPath("$.unitId").isEqualTo("URBAN_MGMT")
                .jsonPath("$.returnDecisions[0].decision").isEqualTo("REJECTED")
                .jsonPath("$.returnDecisions[0].reason").isEqualTo("经营噪音属城管权责清单第12项");

        TicketView after = ticket(id, unit("URBAN_MGMT"));
        assertThat(after.resolveBy()).isEqualTo(before.resolveBy());
        assertThat(after.acceptBy()).isEqualTo(before.acceptBy());
        assertThat(after.assignment()).isEqualTo(before.assignment());
        assertThat(after.reviewBy()).isNull();
        ReturnRejected rejected = calls.awaitEvent(id, ReturnRejected.class);
        assertThat(rejected.unitId()).isEqualTo("URBAN_MGMT");
        assertThat(rejected.reason()).isEqualTo("经营噪音属城管权责清单第12项");
        assertThat(rejected.decidedBy()).isEqualTo("sup-1");
        assertThat(calls.ids("/api/v1/tickets?list=open&size=200", unit("URBAN_MGMT"))).contains(id);
        assertThat(queue("/api/v1/reviews/returns?size=200")).noneMatch(r -> r.ticketId().equals(id));
        calls.decide(id, "reject", supervisor(), "{\"reason\":\"again\"}").expectStatus().isEqualTo(409);
        calls.act(id, "resolve", unit("URBAN_MGMT"), "{\"result\":\"SOLVED\",\"reply\":\"已责令整改\"}").expectStatus().isOk();
    }

    @Test
    void refusesBadDecisionsWithProblemsAndStoresAndPublishesNothing() {
        String id = dispatchedNoiseTicket();
        calls.act(id, "reject", unit("URBAN_MGMT"), "{\"reasonCode\":\"NOT_A_REASON\",\"reasonText\":\"x\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reasonCode");
        returned(id, "{\"reasonCode\":\"DUPLICATE\",\"reasonText\":\"已有工单在办\"}");

        for (String body : List.of("{}", "{\"reason\":\"  \"}", "{\"reason\":\"x\\u0007\"}",
                "{\"reason\":\"" + "长".repeat(501) + "\"}", "{\"unitId\":\"NO_SUCH_UNIT\",\"reason\":\"x\"}",
                "{\"unitId\":\"lower\",\"reason\":\"x\"}", "{\"unitId\":\"URBAN_MGMT\",\"reason\":\"x\"}")) {
            calls.decide(id, "uphold", supervisor(), body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        calls.decide(id, "reject", supervisor(), "{\"reason\":\"\"}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        calls.decide(id, "uphold", unit("URBAN_MGMT"), "{\"reason\":\"x\"}").expectStatus().isForbidden();
        calls.decide(id, "reject", unit("URBAN_MGMT"), "{\"reason\":\"x\"}").expectStatus().isForbidden();
        calls.decide(id, "reject", unit("POLICE"), "{\"reason\":\"x\"}").expectStatus().isForbidden();
        calls.decide("no-such-ticket", "reject", supervisor(), "{\"reason\":\"x\"}").expectStatus().isNotFound();
        String assigned = dispatchedNoiseTicket();
        calls.decide(assigned, "uphold", supervisor(), "{\"reason\":\"x\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("ASSIGNED");
        calls.decide(assigned, "reject", supervisor(), "{\"reason\":\"x\"}").expectStatus().isEqualTo(409);

        assertThat(ticket(id, supervisor()).status()).isEqualTo("RETURN_REVIEW");
        assertThat(ticket(id, supervisor()).returnDecisions()).isEmpty();
        calls.decide(id, "reject", supervisor(), "{\"reason\":\"重复件也由本单位合并办理\"}").expectStatus().isOk();
        calls.awaitEvent(id, ReturnRejected.class);
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketRejected", "ReturnRejected");
        assertThat(reader.allEventsFor(assigned, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned");
    }

    /** Two supervisors decide the same return at the same moment, over real connections: one wins, one gets 409. */
    @Test
    void letsOneOfTwoSupervisorsDecidingTheSameReturnAtOnceWin() throws Exception {
        String upholder = infra.tokens().mint("sup-1", "SUPERVISOR");
        String rejecter = infra.tokens().mint("sup-2", "SUPERVISOR");
        List<String> raced = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String id = dispatchedNoiseTicket();
            returned(id, "{\"reasonCode\":\"NOT_OUR_DUTY\",\"reasonText\":\"归公安\"}");
            raced.add(id);

            List<Callable<Integer>> decisions = List.of(
                    () -> calls.decide(id, "uphold", upholder, "{\"reason\":\"归公安\"}").returnResult(String.class)
                            .getStatus().value(),
                    () -> calls.decide(id, "reject", rejecter, "{\"reason\":\"归城管\"}").returnResult(String.class)
                            .getStatus().value());
            List<Integer> statuses = Races.atOnce(decisions);

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            TicketView decided = ticket(id, supervisor());
            assertThat(decided.returnDecisions()).hasSize(1);
            assertThat(decided.status()).isEqualTo("ASSIGNED");
            assertThat(decided.unitId()).isEqualTo(statuses.get(0) == 200 ? "POLICE" : "URBAN_MGMT");
        }
        for (String id : raced) {
            calls.awaitEventCount(id, 3);
            assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class))
                    .filteredOn(e -> e instanceof ReturnUpheld || e instanceof ReturnRejected).hasSize(1);
        }
    }

    private void returned(String id, String body) {
        calls.act(id, "reject", unit(ticket(id, supervisor()).unitId()), body).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RETURN_REVIEW");
    }

    private String dispatchedNoiseTicket() {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "NOISE", Urgency.NORMAL,
                "楼下烧烤店深夜噪音", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        calls.awaitEvent(id, TicketAssigned.class);
        return id;
    }

    private TicketView ticket(String id, String token) {
        return web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private List<ReviewRequests.WaitingReturn> queue(String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(ReviewRequests.WaitingReturn.class).returnResult().getResponseBody();
    }







    private static String unit(String unitId) {
        return infra.tokens().mintUnit("unit-" + unitId, unitId);
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
