package org.hotline12345.analytics.deadlines;

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
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
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
 * another report about the returned ticket, which count in its grid though routing never assigns them. Every
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

    @BeforeAll
    static void script() {
        List<HotlineEvent> events = new ArrayList<>();
        Instant day = LocalDateTime.of(2024, 6, 3, 9, 0).atZone(FactUpdates.CITY_ZONE).toInstant();
        water(events, T1, day, true, 10, true);
        water(events, T2, day.plusSeconds(3_600), true, 30, true);
        water(events, T3, day.plusSeconds(7_200), false, 200, false);

        Instant t4 = day.plusSeconds(86_400);
        events.add(received(T4, t4, "NOISE", null, null, false));
        events.add(assigned(T4, 1, "URBAN_MGMT", "YY-02", t4));
        events.add(new TicketRejected(EventIds.of(T4, "TicketRejected", 1), t4.plusSeconds(600), T4, "URBAN_MGMT",
                "NOT_OURS", "治安问题"));
        events.add(assigned(T4, 2, "POLICE", "YY-02", t4.plusSeconds(900)));
        events.add(new TicketAccepted(EventIds.of(T4, "TicketAccepted", 2), t4.plusSeconds(1_800), T4, "POLICE",
                true));

        Instant t5 = t4.plusSeconds(3_600);
        events.add(received(T5, t5, "NOISE", null, null, false));
        events.add(assigned(T5, 1, "URBAN_MGMT", "YY-02", t5));
        events.add(new TicketAccepted(EventIds.of(T5, "TicketAccepted", 1), t5.plusSeconds(600), T5, "URBAN_MGMT",
                true));
        events.add(new TicketResolved(EventIds.of(T5, "TicketResolved", 1), t5.plusSeconds(20 * 3_600), T5,
                "URBAN_MGMT", ResolutionResult.SOLVED, "已处理", true));
        events.add(new TicketReopened(EventIds.of(T5, "TicketReopened", 1), t5.plusSeconds(40 * 3_600), T5,
                "URBAN_MGMT", "NOT_SOLVED", t5.plusSeconds(100 * 3_600)));

        events.add(received(T6, day.plusSeconds(5 * 86_400), "CONSULTATION", null, null, true));
        events.add(received(T7, t4.plusSeconds(7_200), "NOISE", T4, null, false));
        events.add(received(T8, t4.plusSeconds(9_000), "NOISE", null, T4, false));

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
    void tellsPrometheusHowManyTicketsAreOverdueNow() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/actuator/prometheus?includedNames=hotline_tickets_overdue")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> org.assertj.core.api.Assertions.assertThat(text)
                        .containsPattern("(?m)^hotline_tickets_overdue\\{[^}]*\\} 2\\.0$")));
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
        events.add(received(id, at, "WATER_SUPPLY", null, null, false));
        events.add(assigned(id, 1, "WATER_CO", "YY-01", at));
        events.add(new TicketAccepted(EventIds.of(id, "TicketAccepted", 1), at.plusSeconds(acceptedOnTime ? 600
                : 100_000), id, "WATER_CO", acceptedOnTime));
        events.add(new TicketResolved(EventIds.of(id, "TicketResolved", 1), at.plusSeconds(handlingHours * 3_600L),
                id, "WATER_CO", ResolutionResult.SOLVED, "已修复", handlingHours <= 168));
        if (closed) {
            events.add(new TicketClosed(EventIds.of(id, "TicketClosed", 1), at.plusSeconds(handlingHours * 3_600L
                    + 7_200), id, "WATER_CO", "FEEDBACK"));
        }
    }

    /** Water problems are in grid YY-01, noise in YY-02; a question has no place. */
    private static TicketReceived received(String id, Instant at, String category, String repeatOf, String parent,
            boolean answeredOnCall) {
        GeoPoint where = switch (category) {
            case "WATER_SUPPLY" -> new GeoPoint(26.575, 106.685);
            case "NOISE" -> new GeoPoint(26.575, 106.695);
            default -> null;
        };
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), at, id, "12345-" + id, Channel.PHONE,
                category, Urgency.NORMAL, "a complaint", where, null,
                new CitizenContact(null, null, null, null, "zh", false), answeredOnCall,
                answeredOnCall ? "answered" : null, repeatOf, parent);
    }

    private static TicketAssigned assigned(String id, int assignment, String unit, String grid, Instant at) {
        return new TicketAssigned(EventIds.of(id, "TicketAssigned", assignment), at, id, "12345-" + id, assignment,
                unit, unit, List.of(), "X", "YUNYAN", Priority.NORMAL, at.plusSeconds(86_400),
                at.plusSeconds(7 * 86_400), new AssignmentReason("rule", 1, grid, List.of()));
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
