package org.hotline12345.routing.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.CategorySuggestion;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketDeadlineApproaching;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.MovableClock;
import org.hotline12345.routing.assignment.TicketView;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.routing.assignment.Tickets;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** The unit workflow, supervisors' dispatch, feedback and deadlines, against the real broker and wire server. */
@HubIntegrationTest(database = "routing-workflow-it", properties = "hotline.routing.workflow.sweep-interval=1h")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowIT {

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
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Tickets tickets;
    @Autowired
    WorkflowProperties settings;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DueSoonGauge dueSoonGauge;

    @Test
    @Order(1)
    void carriesATicketFromSigningToClosingOnTheCitizensAnswer() {
        String id = dispatchedNoiseTicket();
        String unit = unit("URBAN_MGMT");

        act(id, "accept", unit, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");
        act(id, "extend", unit, "{\"resolveBy\":\"" + clock.instant().plus(Duration.ofDays(9))
                + "\",\"reason\":\"需要联合执法\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("EXTENDED").jsonPath("$.extensions").isEqualTo(1);
        act(id, "progress", unit, "{\"note\":\"已现场查看\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.notes[0].text").isEqualTo("已现场查看");
        act(id, "resolve", unit, "{\"result\":\"SOLVED\",\"reply\":\"已处理\\u0007\\u001b[2J\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reply");
        act(id, "extend", unit, "{\"resolveBy\":\"+99999-01-01T00:00:00Z\",\"reason\":\"永远\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("resolveBy");
        act(id, "resolve", unit, "{\"result\":\"SOLVED\",\"reply\":\"已责令店主22点后停止露天经营\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");

        topics.publish(feedback(id, false, Satisfaction.DISSATISFIED, 1));
        awaitEvent(id, TicketReopened.class);
        act(id, "resolve", unit, "{\"result\":\"SOLVED\",\"reply\":\"已加装隔音设施\"}").expectStatus().isOk();
        topics.publish(feedback(id, true, Satisfaction.SATISFIED, 2));

        assertThat(awaitEvent(id, TicketClosed.class).reason()).isEqualTo("FEEDBACK");
        assertThat(reader.eventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketAccepted", "TicketExtended", "TicketResolved",
                        "TicketReopened", "TicketResolved", "TicketClosed");
    }

    /**
     * The citizen turned down the first resolution; after the second, the provider delivers the first answer again
     * (a new event id, as a late duplicate from the provider has). It must not settle the second resolution.
     */
    @Test
    @Order(1)
    void ignoresALateAnswerToAnEarlierResolutionOfAReopenedTicket() {
        String id = dispatchedNoiseTicket();
        String unit = unit("URBAN_MGMT");
        act(id, "accept", unit, null).expectStatus().isOk();
        act(id, "resolve", unit, "{\"result\":\"SOLVED\",\"reply\":\"已责令店主整改\"}").expectStatus().isOk();
        topics.publish(feedback(id, 1, false, Satisfaction.DISSATISFIED, 1));
        awaitEvent(id, TicketReopened.class);
        act(id, "resolve", unit, "{\"result\":\"SOLVED\",\"reply\":\"已加装隔音设施\"}").expectStatus().isOk();
        double ignoredBefore = ignoredFeedback();

        topics.publish(feedback(id, 1, true, Satisfaction.SATISFIED, 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(id, unit)).isEqualTo("RESOLVED");
            assertThat(ignoredFeedback()).isEqualTo(ignoredBefore + 1);
        });
        assertThat(reader.eventsFor(id, TicketLifecycleEvent.class)).extracting(TicketLifecycleEvent::type)
                .containsExactly("TicketAssigned", "TicketAccepted", "TicketResolved", "TicketReopened",
                        "TicketResolved");

        topics.publish(feedback(id, 2, true, Satisfaction.SATISFIED, 3));

        assertThat(awaitEvent(id, TicketClosed.class).reason()).isEqualTo("FEEDBACK");
        assertThat(status(id, unit)).isEqualTo("CLOSED");
    }

    @Test
    @Order(2)
    void holdsAReturnForTheCentreThenSendsItWhereTheSupervisorDecides() {
        String id = dispatchedNoiseTicket();

        act(id, "reject", unit("URBAN_MGMT"), "{\"reasonCode\":\"NOT_OURS\",\"reasonText\":\"夜间噪音归公安\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ticketId").isEqualTo(id).jsonPath("$.returned").isEqualTo(true)
                .jsonPath("$.ticketNumber").isNotEmpty().jsonPath("$.status").isEqualTo("RETURN_REVIEW");
        web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RETURN_REVIEW")
                .jsonPath("$.unitId").isEqualTo("URBAN_MGMT")
                .jsonPath("$.reviewBy").isNotEmpty()
                .jsonPath("$.returns[0].unitId").isEqualTo("URBAN_MGMT")
                .jsonPath("$.returns[0].reasonCode").isEqualTo("NOT_OUR_DUTY")
                .jsonPath("$.returns[0].reasonText").isEqualTo("夜间噪音归公安")
                .jsonPath("$.returns[0].assignment").isEqualTo(1)
                .jsonPath("$.returns[0].at").isNotEmpty();
        act(id, "reject", unit("URBAN_MGMT"), "{\"reasonCode\":\"NOT_OURS\",\"reasonText\":\"again\"}")
                .expectStatus().isEqualTo(409);
        assertThat(ids("/api/v1/tickets?list=open&size=200", unit("URBAN_MGMT"))).doesNotContain(id);
        web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(unit("POLICE"))).exchange()
                .expectStatus().isNotFound();
        awaitEvent(id, TicketRejected.class);

        web.post().uri("/api/v1/reviews/returns/{id}/uphold", id).headers(h -> h.setBearerAuth(supervisor()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"夜间噪音由公安处理\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED").jsonPath("$.unitId").isEqualTo("POLICE");
        awaitEvents(id, 4);
        TicketAssigned second = (TicketAssigned) reader.eventsFor(id, TicketLifecycleEvent.class).get(3);
        assertThat(second.unitId()).isEqualTo("POLICE");
        assertThat(second.assignment()).isEqualTo(2);

        act(id, "reject", unit("POLICE"), "{\"reasonCode\":\"NEEDS_OTHER_UNIT\",\"reasonText\":\"经营噪音归城管\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.returned").isEqualTo(true);
        // past every unit that returned it no rule matches: the supervisor names the unit, or it stays
        web.post().uri("/api/v1/reviews/returns/{id}/uphold", id).headers(h -> h.setBearerAuth(supervisor()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"x\"}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("unitId");
        web.post().uri("/api/v1/reviews/returns/{id}/uphold", id).headers(h -> h.setBearerAuth(supervisor()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"unitId\":\"URBAN_MGMT\",\"reason\":\"经营场所噪音由城管牵头\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ASSIGNED").jsonPath("$.assignment").isEqualTo(3)
                .jsonPath("$.unitId").isEqualTo("URBAN_MGMT")
                .jsonPath("$.reason.cues[0]").isEqualTo("supervisor=sup-1")
                .jsonPath("$.returns[*].reasonText").isEqualTo(List.of("夜间噪音归公安", "经营噪音归城管"))
                .jsonPath("$.returnDecisions[*].decision").isEqualTo(List.of("UPHELD", "UPHELD"))
                .jsonPath("$.returnDecisions[1].reason").isEqualTo("经营场所噪音由城管牵头");
    }

    @Test
    @Order(3)
    void answersTheTriageQueueAPageAtATimeAndRefusesPagesPastTheLast() {
        List<String> queued = List.of(triagedNoiseTicket(), triagedNoiseTicket());

        List<String> first = ids("/api/v1/triage?size=1", supervisor());
        List<String> second = ids("/api/v1/triage?page=1&size=1", supervisor());
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
        assertThat(ids("/api/v1/triage", supervisor())).containsAll(queued);

        for (String uri : List.of("/api/v1/tickets?page=100000", "/api/v1/tickets?list=open&page=1001",
                "/api/v1/tickets?size=201", "/api/v1/triage?page=100000", "/api/v1/triage?size=201",
                "/api/v1/triage?size=0")) {
            web.get().uri(uri).headers(h -> h.setBearerAuth(supervisor())).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("validation")
                    .jsonPath("$.errors[0].field").isEqualTo(uri.contains("page=") ? "page" : "size")
                    .jsonPath("$.errors[0].code").isEqualTo("range");
        }
        assertThat(ids("/api/v1/tickets?page=1000&size=200", supervisor())).isEmpty();
    }

    @Test
    @Order(3)
    void refusesATransitionTheStateForbidsNamingTheState() {
        String id = dispatchedNoiseTicket();

        act(id, "resolve", unit("URBAN_MGMT"), "{\"result\":\"SOLVED\",\"reply\":\"done\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.currentState").isEqualTo("ASSIGNED");
        act(id, "resolve", unit("URBAN_MGMT"), "{\"result\":\"MAYBE\",\"reply\":\"done\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("result");
    }

    @Test
    @Order(4)
    void neverLetsAUnitSeeOrActOnAnotherUnitsTicket() {
        String id = dispatchedNoiseTicket();
        String other = unit("WATER_CO");

        web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        act(id, "accept", other, null).expectStatus().isNotFound();
        act(id, "reject", other, "{\"reasonCode\":\"NOT_OURS\",\"reasonText\":\"x\"}").expectStatus().isNotFound();
        act(id, "extend", other, "{\"resolveBy\":\"2030-01-01T00:00:00Z\",\"reason\":\"x\"}")
                .expectStatus().isNotFound();
        act(id, "progress", other, "{\"note\":\"x\"}").expectStatus().isNotFound();
        act(id, "resolve", other, "{\"result\":\"SOLVED\",\"reply\":\"x\"}").expectStatus().isNotFound();
        act(id, "assign", other, "{\"unitId\":\"WATER_CO\",\"reason\":\"x\"}").expectStatus().isForbidden();
        web.get().uri("/api/v1/tickets?size=200").headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.ticketId == '" + id + "')]").doesNotExist();
        web.get().uri("/api/v1/triage").headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isForbidden();
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).hasSize(1);
    }

    @Test
    @Order(5)
    void escalatesARepeatCallOnTheOpenTicketOnce() {
        String id = dispatchedNoiseTicket();
        TicketReceived repeat = received(id);

        topics.publish(repeat);
        topics.publish(repeat);

        TicketEscalated escalated = awaitEvent(id, TicketEscalated.class);
        assertThat(escalated.reason()).isEqualTo("REPEAT_CALL");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> infra.kafka().hasConsumedAll("routing", Topics.INTAKE_TICKETS));
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).filteredOn(TicketEscalated.class::isInstance)
                .hasSize(1);
        web.get().uri("/api/v1/tickets/{id}", repeat.ticketId()).headers(h -> h.setBearerAuth(supervisor()))
                .exchange().expectBody().jsonPath("$.status").isEqualTo("LINKED")
                .jsonPath("$.repeatOf").isEqualTo(id);
    }

    @Test
    @Order(5)
    void namesTheFirstReportOfTheSameIncidentOnATicketThatJoinedIt() {
        String id = dispatchedNoiseTicket();
        TicketReceived second = received(null, Channel.PHONE, id);

        topics.publish(second);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/tickets/{id}",
                        second.ticketId()).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("LINKED")
                .jsonPath("$.parentIncidentId").isEqualTo(id)
                .jsonPath("$.repeatOf").doesNotExist());
    }

    @Test
    @Order(5)
    void linksARepeatFromAPublicChannelWithoutEscalatingTheOpenTicket() {
        String id = dispatchedNoiseTicket();
        TicketReceived repeat = received(id, Channel.WEB);

        topics.publish(repeat);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/tickets/{id}",
                        repeat.ticketId()).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("LINKED")
                .jsonPath("$.repeatOf").isEqualTo(id));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> infra.kafka().hasConsumedAll("routing", Topics.INTAKE_TICKETS));
        assertThat(reader.allEventsFor(id, TicketLifecycleEvent.class)).noneMatch(TicketEscalated.class::isInstance);
    }

    @Test
    @Order(5)
    void escalatesTheTicketCarryingTheWorkWhenTheCallRepeatsATicketThatJoinedAnotherOncePerCall() {
        String carrier = dispatchedNoiseTicket();
        TicketReceived joined = received(null, Channel.PHONE, carrier);
        topics.publish(joined);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/tickets/{id}",
                        joined.ticketId()).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("LINKED"));
        TicketReceived repeat = received(joined.ticketId());

        topics.publish(repeat);
        topics.publish(repeat);

        TicketEscalated escalated = awaitEvent(carrier, TicketEscalated.class);
        assertThat(escalated.reason()).isEqualTo("REPEAT_CALL");
        assertThat(escalated.unitId()).isEqualTo("URBAN_MGMT");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> infra.kafka().hasConsumedAll("routing", Topics.INTAKE_TICKETS));
        assertThat(reader.allEventsFor(carrier, TicketLifecycleEvent.class))
                .filteredOn(TicketEscalated.class::isInstance).hasSize(1);
        assertThat(reader.allEventsFor(joined.ticketId(), TicketLifecycleEvent.class)).isEmpty();
        web.get().uri("/api/v1/tickets/{id}", joined.ticketId()).headers(h -> h.setBearerAuth(supervisor()))
                .exchange().expectBody().jsonPath("$.escalations").isEqualTo(0);
        web.get().uri("/api/v1/tickets/{id}", carrier).headers(h -> h.setBearerAuth(unit("URBAN_MGMT")))
                .exchange().expectBody().jsonPath("$.escalationHistory[0].reason").isEqualTo("REPEAT_CALL");
    }

    @Test
    @Order(6)
    void remindsThenEscalatesAMissedAcceptDeadlineOnceWithTwoSweepersRacing() {
        String id = dispatchedNoiseTicket();
        DeadlineSweeper first = new DeadlineSweeper(mongo, tickets, clock, settings);
        DeadlineSweeper second = new DeadlineSweeper(mongo, tickets, clock, settings);

        clock.advance(Duration.ofHours(20));
        race(first, second);
        clock.advance(Duration.ofHours(5));
        race(first, second);
        race(first, second);

        awaitEvent(id, TicketEscalated.class);
        List<TicketLifecycleEvent> events = reader.allEventsFor(id, TicketLifecycleEvent.class);
        assertThat(events).filteredOn(TicketDeadlineApproaching.class::isInstance).hasSize(1)
                .first().extracting(e -> ((TicketDeadlineApproaching) e).deadlineKind()).isEqualTo("ACCEPT");
        assertThat(events).filteredOn(TicketEscalated.class::isInstance).hasSize(1)
                .first().extracting(e -> ((TicketEscalated) e).reason()).isEqualTo("ACCEPT_OVERDUE");
        web.get().uri("/api/v1/tickets?overdue=true&size=200").headers(h -> h.setBearerAuth(supervisor()))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.ticketId == '" + id + "')].escalations").isEqualTo(List.of(1))
                .jsonPath("$[?(@.ticketId == '" + id + "')].escalationHistory[0].reason")
                .isEqualTo(List.of("ACCEPT_OVERDUE"))
                .jsonPath("$[?(@.ticketId == '" + id + "')].escalationHistory[0].unitId")
                .isEqualTo(List.of("URBAN_MGMT"));
    }

    @Test
    @Order(7)
    void closesAResolvedTicketTheCitizenDidNotRateInTime() {
        String id = dispatchedNoiseTicket();
        act(id, "accept", unit("URBAN_MGMT"), null).expectStatus().isOk();
        act(id, "resolve", unit("URBAN_MGMT"), "{\"result\":\"PARTLY_SOLVED\",\"reply\":\"已约谈\"}")
                .expectStatus().isOk();
        DeadlineSweeper sweeper = new DeadlineSweeper(mongo, tickets, clock, settings);

        clock.advance(Duration.ofDays(8));
        sweeper.runOnce().block(Duration.ofSeconds(30));

        assertThat(awaitEvent(id, TicketClosed.class).reason()).isEqualTo("FEEDBACK_WINDOW_PASSED");
        web.get().uri("/api/v1/tickets/{id}", id).headers(h -> h.setBearerAuth(unit("URBAN_MGMT"))).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
    }

    @Test
    @Order(8)
    void givesUnitsAndSupervisorsTheListsTheyWorkFromAndTheTicketsThatJoinedOne() {
        String escalated = dispatchedNoiseTicket();
        TicketReceived repeat = received(escalated);
        topics.publish(repeat);
        awaitEvent(escalated, TicketEscalated.class);
        String returned = dispatchedNoiseTicket();
        act(returned, "reject", unit("URBAN_MGMT"), "{\"reasonCode\":\"NOT_OURS\",\"reasonText\":\"归公安\"}")
                .expectStatus().isOk();
        web.post().uri("/api/v1/reviews/returns/{id}/uphold", returned).headers(h -> h.setBearerAuth(supervisor()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":\"归公安\"}").exchange()
                .expectStatus().isOk();
        String closed = dispatchedNoiseTicket();
        act(closed, "accept", unit("URBAN_MGMT"), null).expectStatus().isOk();
        act(closed, "resolve", unit("URBAN_MGMT"), "{\"result\":\"SOLVED\",\"reply\":\"已处理\"}")
                .expectStatus().isOk();

        assertThat(ids("/api/v1/tickets?list=open&size=200", unit("URBAN_MGMT")))
                .contains(escalated).doesNotContain(returned, closed);
        assertThat(ids("/api/v1/tickets?list=open&size=200", unit("POLICE"))).contains(returned)
                .doesNotContain(escalated);
        assertThat(ids("/api/v1/tickets?list=escalated&size=200", supervisor())).contains(escalated)
                .doesNotContain(returned, closed);
        assertThat(ids("/api/v1/tickets?list=returned&size=200", supervisor())).contains(returned)
                .doesNotContain(escalated, closed);
        assertThat(ids("/api/v1/tickets?list=reopened&size=200", supervisor())).doesNotContain(escalated, returned);
        assertThat(ids("/api/v1/tickets?list=done&size=200", unit("URBAN_MGMT"))).contains(closed)
                .doesNotContain(escalated, returned);
        assertThat(ids("/api/v1/tickets?list=done&size=200", supervisor())).contains(closed)
                .doesNotContain(escalated, returned);
        assertThat(ids("/api/v1/tickets?list=done&size=200", unit("POLICE"))).doesNotContain(closed);
        web.get().uri("/api/v1/tickets?list=everything").headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isBadRequest();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids("/api/v1/tickets/" + escalated
                + "/linked", unit("URBAN_MGMT"))).containsExactly(repeat.ticketId()));
        assertThat(ids("/api/v1/tickets/" + escalated + "/linked", supervisor())).containsExactly(repeat.ticketId());
        assertThat(ids("/api/v1/tickets/" + returned + "/linked", supervisor())).isEmpty();
        // another unit learns nothing, not even that the ticket exists
        web.get().uri("/api/v1/tickets/{id}/linked", escalated).headers(h -> h.setBearerAuth(unit("WATER_CO")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(9)
    void letsAGridsWorkerSettleWhatTheRulesSendToTheGridOrHandItUpAndNothingElse() {
        String settled = dispatched(propertyComplaint());
        String handedUp = dispatched(propertyComplaint());
        String noise = dispatchedNoiseTicket();
        String worker = infra.tokens().mintGridWorker("grid-worker-7", "YY-04");
        web.get().uri("/api/v1/tickets/{id}", settled).headers(h -> h.setBearerAuth(worker)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.unitId").isEqualTo("GRID:YY-04")
                .jsonPath("$.status").isEqualTo("ASSIGNED");
        assertThat(ids("/api/v1/tickets?list=open&size=200", worker)).contains(settled, handedUp)
                .doesNotContain(noise);

        act(settled, "accept", worker, null).expectStatus().isOk();
        act(settled, "resolve", worker, "{\"result\":\"SOLVED\",\"reply\":\"已协调物业当场修好\"}").expectStatus()
                .isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
        // the grid asks for a department: the rules place it at once, no review by the centre
        act(handedUp, "reject", worker, "{\"reasonCode\":\"HANDED_UP\",\"reasonText\":\"需住建部门处理\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.returned").isEqualTo(true)
                .jsonPath("$.status").doesNotExist();
        web.get().uri("/api/v1/tickets/{id}", handedUp).headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectBody().jsonPath("$.unitId").isEqualTo("HOUSING")
                .jsonPath("$.returnedBy[0]").isEqualTo("GRID:YY-04")
                .jsonPath("$.returns[0].reasonText").isEqualTo("需住建部门处理");
        assertThat(awaitEvent(handedUp, TicketRejected.class).unitId()).isEqualTo("GRID:YY-04");

        // another grid's worker, a grid worker's token that names a unit, and a unit: none of them acts on it
        String elsewhere = infra.tokens().mintGridWorker("grid-worker-8", "YY-01");
        String posing = infra.tokens().mint("grid-worker-9", List.of("GRID_WORKER"), "URBAN_MGMT", null,
                Duration.ofMinutes(5));
        web.get().uri("/api/v1/tickets/{id}", settled).headers(h -> h.setBearerAuth(elsewhere)).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/tickets/{id}", noise).headers(h -> h.setBearerAuth(posing)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/tickets/{id}", noise).headers(h -> h.setBearerAuth(worker)).exchange()
                .expectStatus().isNotFound();
        act(handedUp, "accept", worker, null).expectStatus().isNotFound();
        act(settled, "assign", worker, "{\"unitId\":\"HOUSING\",\"reason\":\"x\"}").expectStatus().isForbidden();
    }

    /**
     * A public-security call is an emergency in the sample city's folder: an hour to sign for, two to answer, and
     * about to breach half an hour before each, on the desk's list, in the views and in the gauge.
     */
    @Test
    @Order(10)
    void givesAnEmergencyTicketItsClasssLimitsAndShowsItAboutToBreachInsideItsWarningWindow() {
        String id = dispatched(emergency());
        TicketAssigned assigned = awaitEvent(id, TicketAssigned.class);
        assertThat(assigned.unitId()).isEqualTo("POLICE");
        assertThat(Duration.between(assigned.occurredAt(), assigned.acceptBy())).isEqualTo(Duration.ofHours(1));
        assertThat(Duration.between(assigned.occurredAt(), assigned.resolveBy())).isEqualTo(Duration.ofHours(2));
        TicketView fresh = view(id, supervisor());
        assertThat(fresh.urgencyClass()).isEqualTo("EMERGENCY");
        // stored to the millisecond, as MongoDB keeps time
        assertThat(fresh.warnAt()).isEqualTo(assigned.acceptBy().minus(Duration.ofMinutes(30))
                .truncatedTo(ChronoUnit.MILLIS));
        assertThat(fresh.dueSoon()).isFalse();
        assertThat(ids("/api/v1/tickets?dueSoon=true&size=200", supervisor())).doesNotContain(id);

        clock.advance(Duration.between(clock.instant(), assigned.acceptBy().minus(Duration.ofMinutes(20))));

        assertThat(view(id, unit("POLICE")).dueSoon()).isTrue();
        assertThat(ids("/api/v1/tickets?dueSoon=true&size=200", supervisor())).contains(id);
        assertThat(ids("/api/v1/tickets?dueSoon=true&list=open&size=200", unit("POLICE"))).contains(id);
        assertThat(ids("/api/v1/tickets?dueSoon=true&size=200", unit("URBAN_MGMT"))).doesNotContain(id);
        dueSoonGauge.runOnce().block(Duration.ofSeconds(30));
        assertThat(meters.get("hotline.tickets.due.soon").tag("urgency.class", "EMERGENCY").gauge().value())
                .isEqualTo(1.0);
        assertThat(meters.get("hotline.tickets.due.soon").tag("urgency.class", "COMPLEX").gauge().value()).isZero();

        // signed for in time: the answer's window is not open yet
        act(id, "accept", unit("POLICE"), null).expectStatus().isOk()
                .expectBody().jsonPath("$.dueSoon").isEqualTo(false);
        assertThat(ids("/api/v1/tickets?dueSoon=true&size=200", supervisor())).doesNotContain(id);

        // past the answer's deadline it is overdue, and no longer counted as about to breach
        clock.advance(Duration.between(clock.instant(), assigned.resolveBy().plusSeconds(60)));
        assertThat(ids("/api/v1/tickets?dueSoon=true&size=200", supervisor())).doesNotContain(id);
        assertThat(ids("/api/v1/tickets?overdue=true&size=200", supervisor())).contains(id);
        dueSoonGauge.runOnce().block(Duration.ofSeconds(30));
        assertThat(meters.get("hotline.tickets.due.soon").tag("urgency.class", "EMERGENCY").gauge().value()).isZero();
    }

    private TicketView view(String ticketId, String token) {
        return web.get().uri("/api/v1/tickets/{id}", ticketId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody();
    }

    private static TicketReceived emergency() {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "PUBLIC_SECURITY", Urgency.NORMAL,
                "小区门口有人持械斗殴", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null);
    }

    private String dispatched(TicketReceived received) {
        topics.publish(received);
        awaitEvent(received.ticketId(), TicketAssigned.class);
        return received.ticketId();
    }

    private static TicketReceived propertyComplaint() {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "PROPERTY_MANAGEMENT", Urgency.NORMAL,
                "楼道灯坏了一个月物业不修", new GeoPoint(26.5741, 106.7152), null,
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null);
    }

    private List<String> ids(String path, String token) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBodyList(TicketView.class).returnResult().getResponseBody().stream()
                .map(TicketView::ticketId).toList();
    }

    private static void race(DeadlineSweeper a, DeadlineSweeper b) {
        Mono.zip(a.runOnce().subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
                b.runOnce().subscribeOn(reactor.core.scheduler.Schedulers.parallel())).block(Duration.ofSeconds(60));
    }

    /** A noise ticket the classifier was not sure of: it waits in triage. */
    private String triagedNoiseTicket() {
        TicketReceived sure = received(null);
        TicketReceived unsure = new TicketReceived(sure.eventId(), sure.occurredAt(), sure.ticketId(),
                sure.ticketNumber(), sure.channel(), sure.category(), sure.urgency(), sure.description(),
                sure.location(), sure.address(), sure.citizen(), false, null, null, null,
                new CategorySuggestion("NOISE", 0.31, true));
        topics.publish(unsure);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids("/api/v1/triage?size=200",
                supervisor())).contains(unsure.ticketId()));
        return unsure.ticketId();
    }

    private String dispatchedNoiseTicket() {
        TicketReceived received = received(null);
        topics.publish(received);
        awaitEvent(received.ticketId(), TicketAssigned.class);
        return received.ticketId();
    }

    private static TicketReceived received(String repeatOf) {
        return received(repeatOf, Channel.PHONE);
    }

    private static TicketReceived received(String repeatOf, Channel channel) {
        return received(repeatOf, channel, null);
    }

    private static TicketReceived received(String repeatOf, Channel channel, String parentIncidentId) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), clock.instant(), id,
                "12345-20261128-" + id.substring(0, 4), channel, "NOISE", Urgency.NORMAL,
                "楼下烧烤店深夜噪音", new GeoPoint(26.5785, 106.7135), new Address("中华北路18号", null, null),
                new CitizenContact(null, null, null, null, "zh", false), false, null, repeatOf, parentIncidentId);
    }

    /** The {@code n}th answer on the ticket, to its {@code n}th resolution. */
    private static FeedbackReceived feedback(String ticketId, boolean solved, Satisfaction satisfaction, int n) {
        return feedback(ticketId, n, solved, satisfaction, n);
    }

    private static FeedbackReceived feedback(String ticketId, int round, boolean solved, Satisfaction satisfaction,
            int n) {
        return new FeedbackReceived(EventIds.of(ticketId, "FeedbackReceived", n), clock.instant(), ticketId, solved,
                satisfaction, "SMS", round);
    }

    private String status(String ticketId, String token) {
        return web.get().uri("/api/v1/tickets/{id}", ticketId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(TicketView.class).returnResult().getResponseBody().status();
    }

    private double ignoredFeedback() {
        return meters.find("hotline.feedback.ignored").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private WebTestClient.ResponseSpec act(String ticketId, String action, String token, String body) {
        var request = web.post().uri("/api/v1/tickets/{id}/{action}", ticketId, action)
                .headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static <T extends TicketLifecycleEvent> T awaitEvent(String ticketId, Class<T> type) {
        List<T> events = reader.awaitEvents(ticketId, TicketLifecycleEvent.class, type);
        return events.get(events.size() - 1);
    }

    private static void awaitEvents(String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.eventsFor(ticketId, TicketLifecycleEvent.class).size() >= count);
    }

    private static String unit(String unitId) {
        return infra.tokens().mintUnit("unit-" + unitId, unitId);
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
