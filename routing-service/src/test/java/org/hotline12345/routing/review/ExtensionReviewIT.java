package org.hotline12345.routing.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.ExtensionApproved;
import org.hotline12345.contracts.ExtensionRefused;
import org.hotline12345.contracts.ExtensionRequested;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.MovableClock;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.routing.assignment.RoutedTicket.Extension;
import org.hotline12345.routing.assignment.RoutedTicket.ExtensionState;
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
 * The centre's decisions on units' requests for more time (延期审批) against the real broker and wire server, on the
 * sample city's allowance (one extension of up to three days without approval): within it the deadline moves at
 * once; beyond it the request waits, the deadline running, until a supervisor approves it (perhaps to a shorter
 * date) or refuses it, each decision published with the ticket's other events.
 */
@HubIntegrationTest(database = "routing-extension-review-it", properties = {
        "hotline.routing.workflow.sweep-interval=1h", "hotline.routing.workflow.extension-review-within=4h"})
class ExtensionReviewIT {

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
        calls = new ReviewCalls(web, reader, "/api/v1/reviews/extensions");
    }

    @Test
    void grantsAnExtensionWithinTheCitysAllowanceAtOnce() {
        String id = ticketInHand();
        Instant resolveBy = ticket(id, supervisor()).resolveBy();

        TicketView extended = extend(id, resolveBy.plus(Duration.ofDays(3)), "需与住建部门联合查看")
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();

        assertThat(extended.status()).isEqualTo("EXTENDED");
        assertThat(extended.resolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(3)));
        assertThat(extended.extensionHistory()).singleElement().extracting(Extension::state)
                .isEqualTo(ExtensionState.GRANTED);
        TicketExtended published = calls.awaitEvent(id, TicketExtended.class);
        assertThat(published.resolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(3)));
        assertThat(published.reason()).isEqualTo("需与住建部门联合查看");
        assertThat(waitingIds()).doesNotContain(id);
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketAccepted", "TicketExtended");
    }

    @Test
    void holdsARequestBeyondTheAllowanceForTheCentreWhileTheDeadlineRunsAgainstTheUnit() {
        String id = ticketInHand();
        Instant resolveBy = ticket(id, supervisor()).resolveBy();
        // the database keeps instants to the millisecond; the answer and the event leave before it rounds them
        Instant asked = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        TicketView waiting = extend(id, resolveBy.plus(Duration.ofDays(10)), "需多部门联合执法，当事人外出未归")
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();

        assertThat(waiting.status()).isEqualTo("ACCEPTED");
        assertThat(waiting.resolveBy()).isEqualTo(resolveBy);
        assertThat(waiting.extensions()).isZero();
        assertThat(waiting.extensionHistory()).singleElement().satisfies(request -> {
            assertThat(request.state()).isEqualTo(ExtensionState.WAITING);
            assertThat(request.requestedResolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(10)));
            assertThat(request.decideBy()).isCloseTo(asked.plus(Duration.ofHours(4)), within(1, ChronoUnit.MILLIS));
        });
        ExtensionRequested requested = calls.awaitEvent(id, ExtensionRequested.class);
        assertThat(requested.resolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(10)));
        assertThat(requested.currentResolveBy()).isEqualTo(resolveBy);
        assertThat(requested.reason()).isEqualTo("需多部门联合执法，当事人外出未归");
        assertThat(requested.decideBy()).isCloseTo(asked.plus(Duration.ofHours(4)), within(1, ChronoUnit.MILLIS));
        ReviewRequests.WaitingExtension listed = queue("/api/v1/reviews/extensions?size=200").stream()
                .filter(w -> w.ticketId().equals(id)).findFirst().orElseThrow();
        assertThat(listed.unitId()).isEqualTo("URBAN_MGMT");
        assertThat(listed.unitName()).isNotBlank();
        assertThat(listed.status()).isEqualTo("ACCEPTED");
        assertThat(listed.requestedAt()).isEqualTo(asked);
        assertThat(listed.resolveBy()).isEqualTo(resolveBy);
        assertThat(listed.requestedResolveBy()).isEqualTo(resolveBy.plus(Duration.ofDays(10)));
        assertThat(listed.overdue()).isFalse();
        assertThat(listed.resolveOverdue()).isFalse();

        // the unit works on meanwhile, but asks no more until the centre decides
        calls.act(id, "progress", unit("URBAN_MGMT"), "{\"note\":\"已约谈当事人家属\"}").expectStatus().isOk();
        extend(id, resolveBy.plus(Duration.ofDays(1)), "先给一天").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("ACCEPTED");
        calls.act(id, "extend", supervisor(), "{\"resolveBy\":\"" + resolveBy.plus(Duration.ofDays(1))
                + "\",\"reason\":\"中心直接延期\"}").expectStatus().isEqualTo(409);

        clock.advance(Duration.ofHours(5));
        assertThat(queue("/api/v1/reviews/extensions?size=200")).filteredOn(w -> w.ticketId().equals(id))
                .singleElement().extracting(ReviewRequests.WaitingExtension::overdue).isEqualTo(true);
        clock.advance(Duration.between(clock.instant(), resolveBy).plusMinutes(1));
        assertThat(ticket(id, unit("URBAN_MGMT")).overdue()).isTrue();
        assertThat(calls.ids("/api/v1/tickets?overdue=true&size=200", supervisor())).contains(id);
        assertThat(queue("/api/v1/reviews/extensions?size=200")).filteredOn(w -> w.ticketId().equals(id))
                .singleElement().extracting(ReviewRequests.WaitingExtension::resolveOverdue).isEqualTo(true);

        for (String uri : List.of("/api/v1/reviews/extensions?size=201", "/api/v1/reviews/extensions?size=0",
                "/api/v1/reviews/extensions?page=100000")) {
            web.get().uri(uri).headers(h -> h.setBearerAuth(supervisor())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/v1/reviews/extensions").headers(h -> h.setBearerAuth(unit("URBAN_MGMT"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/reviews/extensions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsWaitingRequestsOldestFirstAPageAtATime() {
        String first = waitingForMoreTime();
        clock.advance(Duration.ofMinutes(5));
        String second = waitingForMoreTime();

        assertThat(waitingIds()).containsSubsequence(first, second);
        assertThat(queue("/api/v1/reviews/extensions?size=1")).hasSize(1);
        assertThat(queue("/api/v1/reviews/extensions?page=1&size=1")).hasSize(1)
                .doesNotContainAnyElementsOf(queue("/api/v1/reviews/extensions?size=1"));
    }

    @Test
    void movesTheDeadlineToTheShorterDateTheCentreApprovesAndPublishesTheDecisionWithTheExtension() {
        String id = waitingForMoreTime();
        TicketView before = ticket(id, supervisor());
        Instant granted = before.resolveBy().plus(Duration.ofDays(5));

        calls.decide(id, "approve", supervisor(), "{\"resolveBy\":\"" + granted + "\",\"reason\":\"联合执法定于下周二，五天足够\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("EXTENDED")
                .jsonPath("$.resolveBy").isEqualTo(granted.toString())
                .jsonPath("$.extensions").isEqualTo(1)
                .jsonPath("$.extensionHistory[0].state").isEqualTo("APPROVED")
                .jsonPath("$.extensionHistory[0].decisionReason").isEqualTo("联合执法定于下周二，五天足够")
                .jsonPath("$.extensionHistory[0].decidedBy").isEqualTo("sup-1");

        ExtensionApproved approved = calls.awaitEvent(id, ExtensionApproved.class);
        assertThat(approved.unitId()).isEqualTo("URBAN_MGMT");
        assertThat(approved.requestedResolveBy()).isEqualTo(before.resolveBy().plus(Duration.ofDays(10)));
        assertThat(approved.resolveBy()).isEqualTo(granted);
        assertThat(approved.reason()).isEqualTo("联合执法定于下周二，五天足够");
        assertThat(approved.decidedBy()).isEqualTo("sup-1");
        // the citizen's text hangs on the extension, which carries the unit's reason
        TicketExtended extended = calls.awaitEvent(id, TicketExtended.class);
        assertThat(extended.resolveBy()).isEqualTo(granted);
        assertThat(extended.reason()).isEqualTo("需多部门联合执法");
        assertThat(extended.approvedBy()).isEqualTo("sup-1");
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketAccepted", "ExtensionRequested", "ExtensionApproved",
                        "TicketExtended");
        assertThat(ticket(id, unit("URBAN_MGMT")).resolveBy()).isEqualTo(granted);
        assertThat(waitingIds()).doesNotContain(id);
        calls.decide(id, "refuse", supervisor(), "{\"reason\":\"again\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("EXTENDED");
    }

    @Test
    void grantsTheDateAskedForWhenTheCentreApprovesWithoutOne() {
        String id = waitingForMoreTime();
        Instant asked = ticket(id, supervisor()).resolveBy().plus(Duration.ofDays(10));

        calls.decide(id, "approve", supervisor(), "{}").expectStatus().isOk().expectBody()
                .jsonPath("$.resolveBy").isEqualTo(asked.toString());

        assertThat(calls.awaitEvent(id, ExtensionApproved.class).reason()).isNull();
        assertThat(calls.awaitEvent(id, TicketExtended.class).resolveBy()).isEqualTo(asked);
    }

    @Test
    void keepsTheDeadlineWhenTheCentreRefusesAndTextsNobody() {
        String id = waitingForMoreTime();
        TicketView before = ticket(id, supervisor());

        calls.decide(id, "refuse", supervisor(), "{\"reason\":\"噪音应先行制止，不需延期\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.extensionHistory[0].state").isEqualTo("REFUSED")
                .jsonPath("$.extensionHistory[0].decisionReason").isEqualTo("噪音应先行制止，不需延期");

        TicketView after = ticket(id, unit("URBAN_MGMT"));
        assertThat(after.resolveBy()).isEqualTo(before.resolveBy());
        assertThat(after.extensions()).isZero();
        ExtensionRefused refused = calls.awaitEvent(id, ExtensionRefused.class);
        assertThat(refused.resolveBy()).isEqualTo(before.resolveBy());
        assertThat(refused.reason()).isEqualTo("噪音应先行制止，不需延期");
        assertThat(refused.decidedBy()).isEqualTo("sup-1");
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketAccepted", "ExtensionRequested", "ExtensionRefused");
        assertThat(waitingIds()).doesNotContain(id);
        // after a refusal even a short extension is the centre's to give
        extend(id, before.resolveBy().plus(Duration.ofDays(1)), "当事人周五返回").expectStatus().isOk()
                .expectBody().jsonPath("$.extensionHistory[1].state").isEqualTo("WAITING");
    }

    @Test
    void refusesBadDecisionsWithProblemsAndStoresAndPublishesNothing() {
        String id = waitingForMoreTime();
        Instant resolveBy = ticket(id, supervisor()).resolveBy();
        Instant asked = resolveBy.plus(Duration.ofDays(10));

        for (String body : List.of("{}", "{\"reason\":\"  \"}", "{\"reason\":\"x\\u0007\"}",
                "{\"reason\":\"" + "长".repeat(501) + "\"}")) {
            calls.decide(id, "refuse", supervisor(), body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (String body : List.of("{\"resolveBy\":\"next week\"}", "{\"reason\":\"x\\u001b[2J\"}",
                "{\"resolveBy\":\"" + asked.plusSeconds(60) + "\",\"reason\":\"多给一分钟\"}",
                "{\"resolveBy\":\"" + resolveBy + "\",\"reason\":\"不延\"}",
                "{\"resolveBy\":\"" + asked.minus(Duration.ofDays(2)) + "\"}")) {
            calls.decide(id, "approve", supervisor(), body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        calls.decide(id, "approve", supervisor(), "{\"resolveBy\":\"" + asked.minus(Duration.ofDays(2)) + "\"}")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        calls.decide(id, "approve", unit("URBAN_MGMT"), "{}").expectStatus().isForbidden();
        calls.decide(id, "refuse", unit("URBAN_MGMT"), "{\"reason\":\"x\"}").expectStatus().isForbidden();
        calls.decide("no-such-ticket", "refuse", supervisor(), "{\"reason\":\"x\"}").expectStatus().isNotFound();
        String nothingAsked = ticketInHand();
        calls.decide(nothingAsked, "approve", supervisor(), "{}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("ACCEPTED");
        calls.decide(nothingAsked, "refuse", supervisor(), "{\"reason\":\"x\"}").expectStatus().isEqualTo(409);
        extend(nothingAsked, Instant.parse("+99999-01-01T00:00:00Z"), "永远").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("resolveBy");

        TicketView still = ticket(id, supervisor());
        assertThat(still.resolveBy()).isEqualTo(resolveBy);
        assertThat(still.extensionHistory()).singleElement().extracting(Extension::state)
                .isEqualTo(ExtensionState.WAITING);
        calls.decide(id, "refuse", supervisor(), "{\"reason\":\"先行制止\"}").expectStatus().isOk();
        calls.awaitEvent(id, ExtensionRefused.class);
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketAccepted", "ExtensionRequested", "ExtensionRefused");
        assertThat(reader.allEventsFor(nothingAsked, TicketLifecycleEvent.class))
                .extracting(TicketLifecycleEvent::type).containsExactly("TicketAssigned", "TicketAccepted");
    }

    @Test
    void letsTheRequestLapseWhenTheUnitResolvesBeforeTheCentreDecides() {
        String id = waitingForMoreTime();

        calls.act(id, "resolve", unit("URBAN_MGMT"), "{\"result\":\"SOLVED\",\"reply\":\"已责令整改\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.extensionHistory[0].state").isEqualTo("LAPSED");

        assertThat(waitingIds()).doesNotContain(id);
        calls.decide(id, "approve", supervisor(), "{}").expectStatus().isEqualTo(409);
    }

    /** Two supervisors decide the same request at the same moment, over real connections: one wins, one gets 409. */
    @Test
    void letsOneOfTwoSupervisorsDecidingTheSameRequestAtOnceWin() throws Exception {
        String approver = infra.tokens().mint("sup-1", "SUPERVISOR");
        String refuser = infra.tokens().mint("sup-2", "SUPERVISOR");
        List<String> raced = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String id = waitingForMoreTime();
            Instant resolveBy = ticket(id, supervisor()).resolveBy();
            raced.add(id);

            List<Callable<Integer>> decisions = List.of(
                    () -> calls.decide(id, "approve", approver, "{\"reason\":\"同意\"}").returnResult(String.class)
                            .getStatus().value(),
                    () -> calls.decide(id, "refuse", refuser, "{\"reason\":\"不同意\"}").returnResult(String.class)
                            .getStatus().value());
            List<Integer> statuses = Races.atOnce(decisions);

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            TicketView decided = ticket(id, supervisor());
            assertThat(decided.extensionHistory()).singleElement().extracting(Extension::state)
                    .isEqualTo(statuses.get(0) == 200 ? ExtensionState.APPROVED : ExtensionState.REFUSED);
            assertThat(decided.resolveBy()).isEqualTo(statuses.get(0) == 200
                    ? resolveBy.plus(Duration.ofDays(10)) : resolveBy);
        }
        for (String id : raced) {
            calls.awaitEventCount(id, 4);
            assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class))
                    .filteredOn(e -> e instanceof ExtensionApproved || e instanceof ExtensionRefused).hasSize(1);
        }
    }

    /** A ticket the unit signed for, whose unit asked for ten days more: beyond the allowance, so it waits. */
    private String waitingForMoreTime() {
        String id = ticketInHand();
        Instant resolveBy = ticket(id, supervisor()).resolveBy();
        extend(id, resolveBy.plus(Duration.ofDays(10)), "需多部门联合执法").expectStatus().isOk()
                .expectBody().jsonPath("$.extensionHistory[0].state").isEqualTo("WAITING");
        return id;
    }

    private String ticketInHand() {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261206-" + id.substring(0, 4), Channel.PHONE, "NOISE", Urgency.NORMAL,
                "楼下烧烤店深夜噪音", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        calls.awaitEvent(id, TicketAssigned.class);
        calls.act(id, "accept", unit("URBAN_MGMT")).expectStatus().isOk();
        return id;
    }

    private WebTestClient.ResponseSpec extend(String id, Instant resolveBy, String reason) {
        return calls.act(id, "extend", unit("URBAN_MGMT"), "{\"resolveBy\":\"" + resolveBy + "\",\"reason\":\"" + reason
                + "\"}");
    }

    private TicketView ticket(String id, String token) {
        return web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private List<ReviewRequests.WaitingExtension> queue(String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(ReviewRequests.WaitingExtension.class).returnResult().getResponseBody();
    }

    private List<String> waitingIds() {
        return queue("/api/v1/reviews/extensions?size=200").stream().map(ReviewRequests.WaitingExtension::ticketId)
                .toList();
    }







    private static String unit(String unitId) {
        return infra.tokens().mintUnit("unit-" + unitId, unitId);
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
