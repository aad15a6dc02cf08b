package org.hotline12345.analytics.rates;

import org.hotline12345.referencedata.City;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted May 2024 (and one April ticket) through the real broker: urban management signs for three of four
 * tickets on time and gets one of three ratings "not solved, dissatisfied"; the police answer two tickets well,
 * one of them returned to them by urban management. The rates and the ranking are checked against the values
 * worked out by hand. In July the water company resolves a ticket nobody has rated yet.
 */
@HubIntegrationTest(database = "analytics-rates-it")
class RatesIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @BeforeAll
    static void script() {
        ticket(at(4, 10), "URBAN_MGMT", true, Satisfaction.SATISFIED, true);
        ticket(at(5, 2), "URBAN_MGMT", true, Satisfaction.SATISFIED, true);
        ticket(at(5, 3), "URBAN_MGMT", true, Satisfaction.BASICALLY_SATISFIED, true);
        ticket(at(5, 4), "URBAN_MGMT", true, Satisfaction.DISSATISFIED, false);
        ticket(at(5, 5), "URBAN_MGMT", false, null, false);
        ticket(at(5, 6), "POLICE", true, Satisfaction.SATISFIED, true);
        TicketEvents returned = ticket(at(5, 7), "URBAN_MGMT", false, null, false);
        Instant later = at(5, 8);
        topics.publish(returned.rejected(later, "NOT_OURS"));
        topics.publish(returned.unit("POLICE").assigned(later));
        topics.publish(returned.accepted(later.plusSeconds(600), true));
        topics.publish(returned.feedback(later.plusSeconds(9_000), true, Satisfaction.BASICALLY_SATISFIED));
        // a month of its own: a ticket the rules sent to a grid's own worker
        ticket(at(6, 3), "GRID:YY-04", true, Satisfaction.SATISFIED, true);
        // July: the police answer one ticket and are rated; the water company resolves one that is not rated yet
        ticket(at(7, 2), "POLICE", true, Satisfaction.SATISFIED, true);
        TicketEvents unrated = ticket(at(7, 3), "WATER_CO", true, null, false);
        topics.publish(unrated.resolved(at(7, 4), true));
        // August: a reopened ticket rated satisfied on its second resolution; the answer to its first comes late
        TicketEvents reopened = ticket(at(8, 2), "POLICE", true, null, false);
        topics.publish(reopened.round(2).feedback(at(8, 5), true, Satisfaction.SATISFIED));
        topics.publish(reopened.round(1).feedback(at(8, 6), false, Satisfaction.DISSATISFIED));
    }

    @Autowired
    WebTestClient web;

    @Test
    void givesEachUnitTheRatesWorkedOutByHand() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> rates("groupBy=unit&period=month"
                + "&from=2024-05-01&to=2024-05-31").expectBody().json("""
                [{"group":"POLICE","period":"2024-05","received":2,"assigned":2,"acceptedOnTime":2,
                  "responseRate":100.0,"rated":2,"solved":2,"resolutionRate":100.0,"satisfied":2,
                  "satisfactionRate":100.0,"composite":100.0},
                 {"group":"URBAN_MGMT","period":"2024-05","received":4,"assigned":4,"acceptedOnTime":3,
                  "responseRate":75.0,"rated":3,"solved":2,"resolutionRate":66.67,"satisfied":2,
                  "satisfactionRate":66.67,"composite":67.5}]""", true));
    }

    @Test
    void ratesATicketByTheAnswerToItsLatestResolutionWhateverArrivesLate() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> rates("groupBy=unit&period=month"
                + "&from=2024-08-01&to=2024-08-31").expectBody().json("""
                [{"group":"POLICE","period":"2024-08","received":1,"rated":1,"solved":1,"satisfied":1,
                  "satisfactionRate":100.0}]""", false));
    }

    @Test
    void ranksUnitsByCompositeScoreWithTheChangeFromThePreviousMonth() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/ranking?month=2024-05").headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isOk().expectBody().json("""
                        [{"rank":1,"unitId":"POLICE","unitName":"贵阳市公安局","composite":100.0,"previousRank":null},
                         {"rank":2,"unitId":"URBAN_MGMT","composite":67.5,"previousRank":1,"compositeChange":-32.5}]
                        """));
    }

    @Test
    void listsAUnitThatResolvedATicketInTheMonthBeforeAnyRatingAfterTheRankedUnits() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/ranking?month=2024-07").headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].rank").isEqualTo(1)
                .jsonPath("$[0].unitId").isEqualTo("POLICE")
                .jsonPath("$[0].previousRank").isEqualTo(null)
                .jsonPath("$[1].unitId").isEqualTo("WATER_CO")
                .jsonPath("$[1].unitName").isEqualTo("贵阳水务集团")
                .jsonPath("$[1].rank").isEqualTo(null)
                .jsonPath("$[1].composite").isEqualTo(null)
                .jsonPath("$[1].responseRate").isEqualTo(100.0)
                .jsonPath("$[1].assigned").isEqualTo(1)
                .jsonPath("$[1].resolved").isEqualTo(1)
                .jsonPath("$[1].rated").isEqualTo(0));
    }

    @Test
    void ranksAGridsWorkerByTheGridsName() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/ranking?month=2024-06").headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isOk().expectBody().json("""
                        [{"rank":1,"unitId":"GRID:YY-04","unitName":"YY-04网格员","composite":100.0}]"""));
    }

    @Test
    void givesTheSameTableAsCsv() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/rates?groupBy=unit&period=month&from=2024-05-01&to=2024-05-31")
                .headers(h -> {
                    h.setBearerAuth(analyst());
                    h.set("Accept", "text/csv");
                }).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).isEqualTo("""
                        group,period,received,assigned,acceptedOnTime,responseRate,rated,solved,resolutionRate,\
                        satisfied,satisfactionRate,composite
                        POLICE,2024-05,2,2,2,100.0,2,2,100.0,2,100.0,100.0
                        URBAN_MGMT,2024-05,4,4,3,75.0,3,2,66.67,2,66.67,67.5
                        """));
    }

    @Test
    void countsAWeekCutByTheRangeOnlyForItsDaysInTheRange() {
        // 2024-W18 runs from Monday 29 April: the April days are outside the range, and so is the April ticket
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> rates("groupBy=city&period=week"
                + "&from=2024-05-01&to=2024-05-31").expectBody().json("""
                [{"group":"ALL","period":"2024-W18","received":4,"assigned":4,"acceptedOnTime":3},
                 {"group":"ALL","period":"2024-W19","received":2,"assigned":2,"acceptedOnTime":2}]"""));
        rates("groupBy=city&period=month&from=2024-04-01&to=2024-05-31").expectBody()
                .jsonPath("$[0].period").isEqualTo("2024-04").jsonPath("$[0].received").isEqualTo(1)
                .jsonPath("$[1].period").isEqualTo("2024-05").jsonPath("$[1].received").isEqualTo(6);
    }

    @Test
    void refusesAnUnknownGroupingNamingTheField() {
        rates("groupBy=street").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("groupBy");
        web.get().uri("/api/v1/analytics/rates").headers(h -> h.setBearerAuth(infra.tokens().mint("u", "OPERATOR")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void refusesAMonthThatDoesNotExistNamingTheField() {
        for (String month : new String[] {"2026-13", "2026-00", "26-11", "2026-1"}) {
            web.get().uri("/api/v1/analytics/ranking?month={m}", month).headers(h -> h.setBearerAuth(analyst()))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("month");
        }
    }

    private WebTestClient.ResponseSpec rates(String query) {
        return web.get().uri("/api/v1/analytics/rates?" + query).headers(h -> h.setBearerAuth(analyst())).exchange();
    }

    private static TicketEvents ticket(Instant at, String unit, boolean onTime, Satisfaction rating,
            boolean solved) {
        TicketEvents ticket = TicketEvents.ticket(UUID.randomUUID().toString()).unit(unit);
        topics.publish(ticket.received(at));
        topics.publish(ticket.assigned(at.plusSeconds(60)));
        topics.publish(ticket.accepted(at.plusSeconds(rating != null || onTime ? 3_600 : 200_000), onTime));
        if (rating != null) {
            topics.publish(ticket.feedback(at.plusSeconds(90_000), solved, rating));
        }
        return ticket;
    }

    private static Instant at(int month, int day) {
        return LocalDateTime.of(2024, month, day, 10, 0).atZone(City.sample().zone()).toInstant();
    }

    private static String analyst() {
        return infra.tokens().mint("an-1", "ANALYST");
    }
}
