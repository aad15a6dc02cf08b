package org.hotline12345.routing.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.PartAccepted;
import org.hotline12345.contracts.PartAnswered;
import org.hotline12345.contracts.PartAssigned;
import org.hotline12345.contracts.PartWaived;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.MovableClock;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.routing.assignment.RoutedTicket.Part;
import org.hotline12345.routing.assignment.RoutedTicket.PartState;
import org.hotline12345.routing.assignment.TicketView;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Lead and supporting units (主办/协办) against the real broker and wire server, on the sample city's gas-leak rule
 * (the gas company leads, the police support): the police find their part, sign for it and answer it to the gas
 * company, which cannot resolve before; the centre lists parts overdue and waives one with a reason; a supervisor's
 * dispatch adds supporting units; and of a part answered while the centre waives it exactly one wins.
 */
@HubIntegrationTest(database = "routing-supporting-parts-it", properties = "hotline.routing.workflow.sweep-interval=1h")
class SupportingPartsIT {

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

    /**
     * The rule's supporting unit gets its part with the ticket, due when the lead's deadline starts to warn (its
     * urgency class's window, an hour for utilities, before it); the part is its way in, and no more.
     */
    @Test
    void givesTheRulesSupportingUnitItsPartAndShowsItNothingElseOfTheTicket() {
        String id = gasLeak();
        TicketView lead = ticket(id, supervisor());

        assertThat(lead.unitId()).isEqualTo("GAS_CO");
        assertThat(lead.coUnitIds()).containsExactly("POLICE");
        assertThat(lead.parts()).singleElement().satisfies(part -> {
            assertThat(part.unitId()).isEqualTo("POLICE");
            assertThat(part.state()).isEqualTo(PartState.ASSIGNED);
            assertThat(part.assignedBy()).isNull();
            assertThat(part.acceptBy()).isEqualTo(lead.acceptBy());
            assertThat(part.dueBy()).isEqualTo(lead.resolveBy().minus(Duration.ofHours(1)));
        });
        PartAssigned assigned = awaitEvent(id, PartAssigned.class);
        assertThat(assigned.unitId()).isEqualTo("GAS_CO");
        assertThat(assigned.supportingUnitId()).isEqualTo("POLICE");
        assertThat(assigned.dueBy()).isEqualTo(lead.parts().get(0).dueBy());
        assertThat(assigned.assignedBy()).isNull();
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "PartAssigned");

        List<PartRequests.PartView> mine = parts("/api/v1/parts?size=200", unit("POLICE"));
        assertThat(mine).filteredOn(p -> p.ticketId().equals(id)).singleElement().satisfies(view -> {
            assertThat(view.leadUnitId()).isEqualTo("GAS_CO");
            assertThat(view.leadUnitName()).isNotBlank();
            assertThat(view.description()).contains("煤气味");
            assertThat(view.location()).isNotNull();
            assertThat(view.part().state()).isEqualTo(PartState.ASSIGNED);
            assertThat(view.overdue()).isFalse();
        });
        web.get().uri("/api/v1/parts/{id}", id).headers(h -> h.setBearerAuth(unit("POLICE"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.ticketNumber").isEqualTo(lead.ticketNumber())
                .jsonPath("$.callerReachable").doesNotExist()
                .jsonPath("$.notes").doesNotExist()
                .jsonPath("$.returns").doesNotExist();
        // the part is no way into the lead's ticket: as the police, it is not there
        web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(unit("POLICE"))).exchange()
                .expectStatus().isNotFound();
        act(id, "accept", unit("POLICE")).expectStatus().isNotFound();
        web.post().uri("/api/v1/tickets/{id}/caller", id).headers(h -> h.setBearerAuth(unit("POLICE"))).exchange()
                .expectStatus().isNotFound();
        // and a unit without a part has no way in at all
        web.get().uri("/api/v1/parts/{id}", id).headers(h -> h.setBearerAuth(unit("WATER_CO"))).exchange()
                .expectStatus().isNotFound();
        partAct(id, "accept", unit("WATER_CO"), null).expectStatus().isNotFound();
        partAct(id, "accept", unit("GAS_CO"), null).expectStatus().isNotFound();
        assertThat(parts("/api/v1/parts?size=200", unit("WATER_CO"))).noneMatch(p -> p.ticketId().equals(id));
    }

    @Test
    void letsTheLeadResolveOnlyOnceTheSupportingUnitSignedForAndAnsweredItsPart() {
        String id = gasLeak();
        act(id, "accept", unit("GAS_CO")).expectStatus().isOk();

        partAct(id, "answer", unit("POLICE"), "{\"answer\":\"已疏散\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("ASSIGNED");
        resolve(id).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.rule").value(rule -> assertThat(rule.toString()).contains("POLICE"));

        partAct(id, "accept", unit("POLICE"), null).expectStatus().isOk().expectBody()
                .jsonPath("$.part.state").isEqualTo("ACCEPTED");
        assertThat(awaitEvent(id, PartAccepted.class).onTime()).isTrue();
        partAct(id, "accept", unit("POLICE"), null).expectStatus().isEqualTo(409);
        resolve(id).expectStatus().isEqualTo(409);

        partAct(id, "answer", unit("POLICE"), "{\"answer\":\"已到场疏散楼内住户并设置警戒\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.part.state").isEqualTo("ANSWERED")
                .jsonPath("$.part.answer").isEqualTo("已到场疏散楼内住户并设置警戒");
        PartAnswered answered = awaitEvent(id, PartAnswered.class);
        assertThat(answered.supportingUnitId()).isEqualTo("POLICE");
        assertThat(answered.answer()).isEqualTo("已到场疏散楼内住户并设置警戒");
        assertThat(answered.onTime()).isTrue();
        // the lead sees the part in its ticket
        assertThat(ticket(id, unit("GAS_CO")).parts()).singleElement().extracting(Part::state)
                .isEqualTo(PartState.ANSWERED);

        resolve(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
        awaitEventCount(id, 6);
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "PartAssigned", "TicketAccepted", "PartAccepted", "PartAnswered",
                        "TicketResolved");
        // the ticket is no longer worked: the part leaves the unit's list
        assertThat(parts("/api/v1/parts?size=200", unit("POLICE"))).noneMatch(p -> p.ticketId().equals(id));
    }

    @Test
    void listsPartsOverdueForTheCentreWhichWaivesOneWithAReason() {
        String id = gasLeak();
        act(id, "accept", unit("GAS_CO")).expectStatus().isOk();
        TicketView lead = ticket(id, supervisor());
        assertThat(overdueIds()).doesNotContain(id);

        clock.advance(Duration.between(clock.instant(), lead.parts().get(0).acceptBy()).plusMinutes(1));

        PartRequests.OverduePart late = overdue().stream().filter(p -> p.ticketId().equals(id)).findFirst()
                .orElseThrow();
        assertThat(late.unitId()).isEqualTo("POLICE");
        assertThat(late.leadUnitId()).isEqualTo("GAS_CO");
        assertThat(late.partState()).isEqualTo("ASSIGNED");
        assertThat(late.late()).isEqualTo("ACCEPT");
        assertThat(late.deadline()).isEqualTo(lead.parts().get(0).acceptBy());
        assertThat(parts("/api/v1/parts?size=200", unit("POLICE"))).filteredOn(p -> p.ticketId().equals(id))
                .singleElement().extracting(PartRequests.PartView::overdue).isEqualTo(true);

        for (String body : List.of("{}", "{\"reason\":\" \"}", "{\"reason\":\"x\\u0007\"}",
                "{\"reason\":\"" + "长".repeat(501) + "\"}")) {
            waive(id, "POLICE", supervisor(), body).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        waive(id, "POLICE", unit("GAS_CO"), "{\"reason\":\"x\"}").expectStatus().isForbidden();
        waive(id, "WATER_CO", supervisor(), "{\"reason\":\"x\"}").expectStatus().isEqualTo(409);
        waive("no-such-ticket", "POLICE", supervisor(), "{\"reason\":\"x\"}").expectStatus().isNotFound();
        web.get().uri("/api/v1/reviews/parts").headers(h -> h.setBearerAuth(unit("POLICE"))).exchange()
                .expectStatus().isForbidden();
        for (String uri : List.of("/api/v1/reviews/parts?size=201", "/api/v1/reviews/parts?page=100000",
                "/api/v1/parts?size=0")) {
            web.get().uri(uri).headers(h -> h.setBearerAuth(uri.contains("reviews") ? supervisor()
                    : unit("POLICE"))).exchange().expectStatus().isBadRequest();
        }

        waive(id, "POLICE", supervisor(), "{\"reason\":\"燃气公司已排除险情，无需警方协助\"}").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.parts[0].state").isEqualTo("WAIVED")
                .jsonPath("$.parts[0].waiveReason").isEqualTo("燃气公司已排除险情，无需警方协助")
                .jsonPath("$.parts[0].waivedBy").isEqualTo("sup-1");
        PartWaived waived = awaitEvent(id, PartWaived.class);
        assertThat(waived.partState()).isEqualTo("ASSIGNED");
        assertThat(waived.overdue()).isTrue();
        assertThat(waived.reason()).isEqualTo("燃气公司已排除险情，无需警方协助");
        assertThat(waived.waivedBy()).isEqualTo("sup-1");
        assertThat(overdueIds()).doesNotContain(id);
        waive(id, "POLICE", supervisor(), "{\"reason\":\"again\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("WAIVED");
        partAct(id, "accept", unit("POLICE"), null).expectStatus().isEqualTo(409);

        resolve(id).expectStatus().isOk();
    }

    /**
     * The supervisor adds supporting units on dispatch; dispatching the ticket again ends the parts that are not in,
     * and the unit whose part ended no longer reaches the ticket.
     */
    @Test
    void addsTheSupervisorsSupportingUnitsOnDispatchAndWithdrawsOpenPartsOnTheNext() {
        String id = gasLeak();

        assign(id, "{\"unitId\":\"GAS_CO\",\"reason\":\"需公安、住建协办\",\"coUnitIds\":[\"POLICE\",\"GAS_CO\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("coUnitIds[1]");
        assign(id, "{\"unitId\":\"GAS_CO\",\"reason\":\"x\",\"coUnitIds\":[\"NO_SUCH_UNIT\"]}")
                .expectStatus().isBadRequest();
        assign(id, "{\"unitId\":\"GAS_CO\",\"reason\":\"需公安、住建协办\",\"coUnitIds\":[\"POLICE\",\"HOUSING\"]}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.assignment").isEqualTo(2)
                .jsonPath("$.parts.length()").isEqualTo(2)
                .jsonPath("$.parts[0].assignedBy").isEqualTo("sup-1")
                .jsonPath("$.parts[1].unitId").isEqualTo("HOUSING");
        awaitEventCount(id, 5);
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).filteredOn(PartAssigned.class::isInstance)
                .map(PartAssigned.class::cast)
                .extracting(PartAssigned::assignment, PartAssigned::supportingUnitId, PartAssigned::assignedBy)
                .containsExactly(tuple(1, "POLICE", null),
                        tuple(2, "POLICE", "sup-1"),
                        tuple(2, "HOUSING", "sup-1"));
        partAct(id, "accept", unit("HOUSING"), null).expectStatus().isOk();

        assign(id, "{\"unitId\":\"GAS_CO\",\"reason\":\"燃气公司独立处置\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.parts.length()").isEqualTo(0);
        web.get().uri("/api/v1/parts/{id}", id).headers(h -> h.setBearerAuth(unit("HOUSING"))).exchange()
                .expectStatus().isNotFound();
        assertThat(parts("/api/v1/parts?size=200", unit("HOUSING"))).noneMatch(p -> p.ticketId().equals(id));
        assertThat(overdueIds()).doesNotContain(id);
    }

    /**
     * The police answer their part at the moment the centre waives it, over real connections: one wins, the other
     * gets 409, and only the winner's event is published.
     */
    @Test
    void letsOneOfAnAnswerAndAWaiverOfTheSamePartAtOnceWin() throws Exception {
        List<String> raced = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String id = gasLeak();
            partAct(id, "accept", unit("POLICE"), null).expectStatus().isOk();
            raced.add(id);
            String police = unit("POLICE");
            String centre = supervisor();

            List<Callable<Integer>> both = List.of(
                    () -> partAct(id, "answer", police, "{\"answer\":\"已设置警戒\"}").returnResult(String.class)
                            .getStatus().value(),
                    () -> waive(id, "POLICE", centre, "{\"reason\":\"无需协办\"}").returnResult(String.class)
                            .getStatus().value());
            List<Integer> statuses = Races.atOnce(both);

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            assertThat(ticket(id, supervisor()).parts()).singleElement().extracting(Part::state)
                    .isEqualTo(statuses.get(0) == 200 ? PartState.ANSWERED : PartState.WAIVED);
        }
        for (String id : raced) {
            awaitEventCount(id, 4);
            assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class))
                    .filteredOn(e -> e instanceof PartAnswered || e instanceof PartWaived).hasSize(1);
        }
    }

    /** A gas leak: the rule gas-leak-urgent sends it to the gas company, with the police supporting. */
    private String gasLeak() {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261207-" + id.substring(0, 4), Channel.PHONE, "GAS_SUPPLY", Urgency.URGENT,
                "楼道里煤气味很重", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        awaitEvent(id, PartAssigned.class);
        return id;
    }

    private <T extends TicketLifecycleEvent> T awaitEvent(String ticketId, Class<T> type) {
        List<T> events = reader.awaitEvents(ticketId, TicketLifecycleEvent.class, type);
        return events.get(events.size() - 1);
    }

    private void awaitEventCount(String ticketId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.allEventsFor(ticketId, TicketLifecycleEvent.class).size() >= count);
    }

    private WebTestClient.ResponseSpec act(String id, String action, String token) {
        return web.post().uri("/api/v1/tickets/{id}/{action}", id, action).headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec resolve(String id) {
        return web.post().uri("/api/v1/tickets/{id}/resolve", id).headers(h -> h.setBearerAuth(unit("GAS_CO")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"result\":\"SOLVED\",\"reply\":\"已关阀检修，险情排除\"}").exchange();
    }

    private WebTestClient.ResponseSpec assign(String id, String body) {
        return web.post().uri("/api/v1/tickets/{id}/assign", id).headers(h -> h.setBearerAuth(supervisor()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec partAct(String id, String action, String token, String body) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/v1/parts/{id}/{action}", id, action)
                .headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec waive(String id, String unitId, String token, String body) {
        return web.post().uri("/api/v1/reviews/parts/{id}/{unit}/waive", id, unitId)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private TicketView ticket(String id, String token) {
        return web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private List<PartRequests.PartView> parts(String uri, String token) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBodyList(PartRequests.PartView.class).returnResult().getResponseBody();
    }

    private List<PartRequests.OverduePart> overdue() {
        return web.get().uri("/api/v1/reviews/parts?size=200").headers(h -> h.setBearerAuth(supervisor()))
                .exchange().expectStatus().isOk().expectBodyList(PartRequests.OverduePart.class).returnResult()
                .getResponseBody();
    }

    private List<String> overdueIds() {
        return overdue().stream().map(PartRequests.OverduePart::ticketId).toList();
    }

    private static String unit(String unitId) {
        return infra.tokens().mintUnit("unit-" + unitId, unitId);
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
