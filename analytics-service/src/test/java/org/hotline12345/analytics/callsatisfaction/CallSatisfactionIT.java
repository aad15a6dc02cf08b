package org.hotline12345.analytics.callsatisfaction;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * 受理满意度 counted from the CallRated events intake publishes, through the facts and their rollups, per day,
 * channel and operator; each event once however often it is delivered, and apart from the satisfaction rate of the
 * handling, which the same tickets' answers give. Each test counts the tickets of its own days far in the past.
 */
@HubIntegrationTest(database = "analytics-call-satisfaction-it", properties = "hotline.analytics.rollup-interval=1s")
class CallSatisfactionIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @Autowired
    WebTestClient web;

    @Test
    void countsTheRatingsOfHowCallsWereTakenPerDayChannelAndOperatorApartFromTheSatisfactionRate() {
        Instant at = LocalDate.of(2024, 6, 3).atTime(9, 0).atZone(City.sample().zone()).toInstant();
        // a call operator-1 took well, whose answer the citizen was not satisfied with: two ratings, kept apart
        TicketEvents answered = TicketEvents.ticket(UUID.randomUUID().toString());
        topics.publish(byOperator(answered.received(at), "operator-1"));
        CallRated takenWell = answered.callRated(at.plusSeconds(60), Satisfaction.SATISFIED);
        topics.publish(takenWell);
        topics.publish(answered.assigned(at.plusSeconds(120)));
        topics.publish(answered.resolved(at.plusSeconds(3_600), true));
        topics.publish(answered.feedback(at.plusSeconds(7_200), false, Satisfaction.DISSATISFIED));
        // delivered again: counted once
        topics.publish(takenWell);
        rated(byOperator(ticket().received(at.plusSeconds(300)), "operator-1"), Satisfaction.DISSATISFIED);
        rated(byOperator(ticket().received(at.plusSeconds(600)), "operator-2"), Satisfaction.BASICALLY_SATISFIED);
        rated(ticket().channel(Channel.WEB).received(at.plusSeconds(900)), Satisfaction.SATISFIED);
        topics.publish(ticket().channel(Channel.WEB).received(at.plusSeconds(1_200)));
        // the day before: counted in its own day only
        rated(byOperator(ticket().received(at.minusSeconds(86_400)), "operator-1"), Satisfaction.DISSATISFIED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figures("from=2024-06-03&to=2024-06-03").json("""
                {"from":"2024-06-03","to":"2024-06-03","received":5,"rated":4,"satisfied":3,
                 "callSatisfactionRate":75.0,
                 "byDay":[{"day":"2024-06-03","received":5,"rated":4,"satisfied":3,"callSatisfactionRate":75.0}],
                 "byChannel":[{"channel":"PHONE","received":3,"rated":3,"satisfied":2,"callSatisfactionRate":66.67},
                              {"channel":"WEB","received":2,"rated":1,"satisfied":1,"callSatisfactionRate":100.0}],
                 "byOperator":[{"operator":"operator-1","received":2,"rated":2,"satisfied":1,
                                "callSatisfactionRate":50.0},
                               {"operator":"operator-2","received":1,"rated":1,"satisfied":1,
                                "callSatisfactionRate":100.0}]}""", JsonCompareMode.STRICT));
        // the satisfaction rate is still the handling's: one answer rated, not satisfied, whatever the calls got
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/rates?groupBy=city&period=day&from=2024-06-03&to=2024-06-03")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].received").isEqualTo(5)
                .jsonPath("$[0].rated").isEqualTo(1)
                .jsonPath("$[0].satisfied").isEqualTo(0)
                .jsonPath("$[0].satisfactionRate").isEqualTo(0.0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figures("from=2024-06-02&to=2024-06-03")
                .jsonPath("$.received").isEqualTo(6)
                .jsonPath("$.rated").isEqualTo(5)
                .jsonPath("$.satisfied").isEqualTo(3)
                .jsonPath("$.callSatisfactionRate").isEqualTo(60.0)
                .jsonPath("$.byDay.length()").isEqualTo(2)
                .jsonPath("$.byDay[0].day").isEqualTo("2024-06-02")
                .jsonPath("$.byOperator[0].operator").isEqualTo("operator-1")
                .jsonPath("$.byOperator[0].rated").isEqualTo(3)
                .jsonPath("$.byOperator[0].callSatisfactionRate").isEqualTo(33.33));
    }

    @Test
    void saysNoRateForAPeriodWithoutRatings() {
        figures("from=2024-06-10&to=2024-06-11").json("""
                {"received":0,"rated":0,"satisfied":0,"callSatisfactionRate":null,"byDay":[],"byChannel":[],
                 "byOperator":[]}""");
    }

    @Test
    void answersAnalystsOnlyForAtMostAYearAtATime() {
        web.get().uri("/api/v1/analytics/call-satisfaction").headers(h -> h.setBearerAuth(infra.tokens()
                .mint("op-c", "OPERATOR"))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/analytics/call-satisfaction").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/analytics/call-satisfaction?from=2024-01-01&to=2025-06-01").headers(h -> h
                .setBearerAuth(analyst())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private WebTestClient.BodyContentSpec figures(String query) {
        return web.get().uri("/api/v1/analytics/call-satisfaction?" + query).headers(h -> h.setBearerAuth(analyst()))
                .exchange().expectStatus().isOk().expectBody();
    }

    /** A ticket received, and the rating of how its call was taken a minute later. */
    private static void rated(TicketReceived received, Satisfaction satisfaction) {
        topics.publish(received);
        topics.publish(TicketEvents.ticket(received.ticketId()).callRated(received.occurredAt().plusSeconds(60),
                satisfaction));
    }

    private static TicketEvents ticket() {
        return TicketEvents.ticket(UUID.randomUUID().toString());
    }

    /** The call as {@code operator} registered it at the console. */
    private static TicketReceived byOperator(TicketReceived r, String operator) {
        return new TicketReceived(r.eventId(), r.occurredAt(), r.ticketId(), r.ticketNumber(), r.channel(),
                r.category(), r.urgency(), r.description(), r.location(), r.address(), r.citizen(),
                r.resolvedOnCall(), r.answerGiven(), r.repeatOf(), r.parentIncidentId(), null, null, operator);
    }

    private static String analyst() {
        return infra.tokens().mint("an-c", "ANALYST");
    }
}
