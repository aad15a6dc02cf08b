package org.hotline12345.analytics.deadlines;

import org.hotline12345.referencedata.City;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted June 2024 through the real broker, every event sent twice and the tickets' events interleaved at
 * random (each ticket's events on one topic keep their order, as Kafka keeps them): water tickets resolved in 10,
 * 30 and 200 hours (the last one late), a noise ticket returned by urban management and signed for by the police
 * but never resolved, one resolved and then reopened, a question answered on the call, and a repeat call and
 * another report about the returned ticket, which count in its grid though routing never assigns them; and in July a
 * ticket its unit has not signed for past the accept deadline, with days left to resolve it. Every
 * figure is checked against the values worked out by hand.
 */
@HubIntegrationTest(database = "analytics-time-limits-it", properties = {
        "hotline.analytics.rollup-interval=1s", "hotline.analytics.overdue-interval=1s"})
class TimeLimitsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    static final String T1 = "june-water-1";
    static final String T2 = "june-water-2";
    static final String T3 = "june-water-3";
    static final String T4 = "june-noise-returned";
    static final String T5 = "june-noise-reopened";
    static final String T6 = "june-question";
    static final String T7 = "june-noise-repeat";
    static final String T8 = "june-noise-same-incident";
    static final String T9 = "july-noise-not-signed-for";

    @BeforeAll
    static void script() {
        List<HotlineEvent> events = new ArrayList<>();
        Instant day = LocalDateTime.of(2024, 6, 3, 9, 0).atZone(City.sample().zone()).toInstant();
        water(events, T1, day, true, 10, true);
        water(events, T2, day.plusSeconds(3_600), true, 30, true);
        water(events, T3, day.plusSeconds(7_200), false, 200, false);

        Instant t4 = day.plusSeconds(86_400);
        TicketEvents returned = noise(T4).unit("URBAN_MGMT");
        events.add(returned.received(t4));
        events.add(returned.assigned(t4));
        events.add(returned.rejected(t4.plusSeconds(600), "NOT_OURS"));
        events.add(returned.unit("POLICE").assigned(t4.plusSeconds(900)));
        events.add(returned.accepted(t4.plusSeconds(1_800), true));

        Instant t5 = t4.plusSeconds(3_600);
        TicketEvents reopened = noise(T5).unit("URBAN_MGMT");
        events.add(reopened.received(t5));
        events.add(reopened.assigned(t5));
        events.add(reopened.accepted(t5.plusSeconds(600), true));
        events.add(reopened.resolved(t5.plusSeconds(20 * 3_600), true));
        events.add(reopened.reopened(t5.plusSeconds(40 * 3_600), t5.plusSeconds(100 * 3_600)));

        events.add(TicketEvents.ticket(T6).category("CONSULTATION").answeredOnCall("answered")
                .received(day.plusSeconds(5 * 86_400)));
        events.add(noise(T7).repeatOf(T4).received(t4.plusSeconds(7_200)));
        events.add(noise(T8).sameIncidentAs(T4).received(t4.plusSeconds(9_000)));

        // assigned two days ago: the day to sign for it has passed, the week to resolve it has not
        TicketEvents waiting = noise(T9).unit("URBAN_MGMT");
        events.add(waiting.received(day.plusSeconds(31 * 86_400)));
        events.add(waiting.assigned(Instant.now().minus(Duration.ofDays(2))));

        publishInterleaved(events, new Random(42));
        publishInterleaved(events, new Random(7));
    }

    @Autowired
    WebTestClient web;

    @Test
    void givesTheCityItsTimeLimitsWorkedOutByHand() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deadlines("groupBy=city").expectBody().json("""
                {"from":"2024-06-01","to":"2024-06-30","groupBy":"city","groups":[{"group":"ALL",
                 "received":8,"assigned":5,"acceptedOnTime":4,"onTimeAcceptanceRate":80.0,
                 "resolved":4,"resolvedOnTime":3,"onTimeResolutionRate":75.0,"overdueNow":2,
                 "averageHandlingHours":65.0,"medianHandlingHours":20.0,"p90HandlingHours":200.0,
                 "givenToUnit":5,"returned":1,"returnRate":20.0,"repeats":1,"repeatRate":12.5,
                 "resolvedAtIntake":1,"firstContactResolutionRate":12.5}]}""", true));
    }

    @Test
    void countsAReturnAgainstTheUnitThatReturnedIt() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> deadlines("groupBy=unit").expectBody().json("""
                {"groups":[
                 {"group":"POLICE","received":1,"assigned":1,"acceptedOnTime":1,"onTimeAcceptanceRate":100.0,
                  "resolved":0,"onTimeResolutionRate":null,"overdueNow":1,"averageHandlingHours":null,
                  "givenToUnit":1,"returned":0,"returnRate":0.0},
                 {"group":"URBAN_MGMT","received":1,"assigned":1,"resolved":1,"resolvedOnTime":1,"overdueNow":1,
                  "averageHandlingHours":20.0,"givenToUnit":2,"returned":1,"returnRate":50.0},
                 {"group":"WATER_CO","received":3,"assigned":3,"acceptedOnTime":2,"onTimeAcceptanceRate":66.67,
                  "resolved":3,"resolvedOnTime":2,"onTimeResolutionRate":66.67,"overdueNow":0,
                  "averageHandlingHours":80.0,"medianHandlingHours":30.0,"p90HandlingHours":200.0,
                  "givenToUnit":3,"returned":0,"returnRate":0.0}]}"""));
        web.get().uri("/api/v1/analytics/deadlines?groupBy=unit&from=2024-06-01&to=2024-06-30")
                .headers(h -> {
                    h.setBearerAuth(analyst());
                    h.set("Accept", "text/csv");
                }).exchange().expectStatus().isOk()
                .expectBody(String.class).value(csv -> org.assertj.core.api.Assertions.assertThat(csv.lines())
                        .first().isEqualTo(TimeLimits.CSV_HEADER));
    }

    @Test
    void findsTheHotGridsAndTheClusterOfComplaintsAboutOneTicket() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/hotspots?from=2024-06-01&to=2024-06-30")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk()
                .expectBody().json("""
                        {"grids":[{"gridId":"YY-02","district":"YUNYAN","tickets":4,"topCategory":"NOISE",
                                   "categories":{"NOISE":4}},
                                  {"gridId":"YY-01","district":"YUNYAN","tickets":3,"topCategory":"WATER_SUPPLY"}],
                         "byCategory":{"NOISE":[{"gridId":"YY-02","tickets":4}],
                                       "WATER_SUPPLY":[{"gridId":"YY-01","tickets":3}]},
                         "clusters":[{"ticketId":"june-noise-returned","ticketNumber":"12345-june-noise-returned",
                                      "gridId":"YY-02","linkedTickets":2,"repeatCalls":1}]}"""));
        web.get().uri("/api/v1/analytics/hotspots?from=2024-06-01&to=2024-06-30&table=clusters")
                .headers(h -> {
                    h.setBearerAuth(analyst());
                    h.set("Accept", "text/csv");
                }).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("""
                        ticketNumber,category,gridId,district,linkedTickets,repeatCalls
                        12345-june-noise-returned,NOISE,YY-02,YUNYAN,2,1
                        """);
    }

    @Test
    void countsATicketNotSignedForPastItsAcceptDeadlineAsOverdueAsRoutingListsIt() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/deadlines?from=2024-07-01&to=2024-07-31&groupBy=unit")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk()
                .expectBody().json("""
                        {"groups":[{"group":"URBAN_MGMT","received":1,"assigned":1,"acceptedOnTime":0,
                                    "resolved":0,"overdueNow":1}]}"""));
    }

    /** The two June tickets held past their resolve deadline, and the July one past its accept deadline. */
    @Test
    void tellsPrometheusHowManyTicketsAreOverdueNow() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/actuator/prometheus?includedNames=hotline_tickets_overdue")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> org.assertj.core.api.Assertions.assertThat(text)
                        .containsPattern("(?m)^hotline_tickets_overdue\\{[^}]*\\} 3\\.0$")));
    }

    @Test
    void refusesPeriodsLongerThanAQuarter() {
        deadlines("groupBy=city").expectStatus().isOk();
        web.get().uri("/api/v1/analytics/deadlines?from=2024-01-01&to=2024-06-30")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private WebTestClient.ResponseSpec deadlines(String query) {
        return web.get().uri("/api/v1/analytics/deadlines?from=2024-06-01&to=2024-06-30&" + query)
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk();
    }

    private static void water(List<HotlineEvent> events, String id, Instant at, boolean acceptedOnTime,
            int handlingHours, boolean closed) {
        TicketEvents water = TicketEvents.ticket(id).category("WATER_SUPPLY").at(new GeoPoint(26.575, 106.685))
                .unit("WATER_CO").grid("YY-01");
        events.add(water.received(at));
        events.add(water.assigned(at));
        events.add(water.accepted(at.plusSeconds(acceptedOnTime ? 600 : 100_000), acceptedOnTime));
        events.add(water.resolved(at.plusSeconds(handlingHours * 3_600L), handlingHours <= 168));
        if (closed) {
            events.add(water.closed(at.plusSeconds(handlingHours * 3_600L + 7_200), "FEEDBACK"));
        }
    }

    /** Water problems are in grid YY-01, noise in YY-02; a question has no place. */
    private static TicketEvents noise(String id) {
        return TicketEvents.ticket(id).category("NOISE").at(new GeoPoint(26.575, 106.695)).grid("YY-02");
    }

    /** Publishes every event, choosing at random which ticket's next event on which topic goes next. */
    private static void publishInterleaved(List<HotlineEvent> events, Random random) {
        Map<String, Deque<HotlineEvent>> queues = new LinkedHashMap<>();
        events.forEach(e -> queues.computeIfAbsent(e.ticketId() + "@" + Topics.topicOf(e), k -> new ArrayDeque<>())
                .add(e));
        List<Deque<HotlineEvent>> pending = new ArrayList<>(queues.values());
        while (!pending.isEmpty()) {
            Deque<HotlineEvent> queue = pending.get(random.nextInt(pending.size()));
            topics.publish(queue.poll());
            if (queue.isEmpty()) {
                pending.remove(queue);
            }
        }
    }

    private static String analyst() {
        return infra.tokens().mint("an-2", "ANALYST");
    }
}
