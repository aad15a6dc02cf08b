package org.hotline12345.analytics.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
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
 * A scripted May 2024 (and one April ticket) through the real broker: urban management signs for three of four
 * tickets on time and gets one of three ratings "not solved, dissatisfied"; the police answer two tickets well,
 * one of them returned to them by urban management. The rates and the ranking are checked against the values
 * worked out by hand.
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
        String returned = ticket(at(5, 7), "URBAN_MGMT", false, null, false);
        Instant later = at(5, 8);
        topics.publish(new TicketRejected(EventIds.of(returned, "TicketRejected", 1), later, returned, "URBAN_MGMT",
                "NOT_OURS", "治安问题"));
        topics.publish(assigned(returned, 2, "POLICE", later));
        topics.publish(new TicketAccepted(EventIds.of(returned, "TicketAccepted", 2), later.plusSeconds(600),
                returned, "POLICE", true));
        topics.publish(new FeedbackReceived(EventIds.of(returned, "FeedbackReceived", 1), later.plusSeconds(9_000),
                returned, true, Satisfaction.BASICALLY_SATISFIED, "SMS"));
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
    void ranksUnitsByCompositeScoreWithTheChangeFromThePreviousMonth() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/ranking?month=2024-05").headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isOk().expectBody().json("""
                        [{"rank":1,"unitId":"POLICE","unitName":"贵阳市公安局","composite":100.0,"previousRank":null},
                         {"rank":2,"unitId":"URBAN_MGMT","composite":67.5,"previousRank":1,"compositeChange":-32.5}]
                        """));
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

    private WebTestClient.ResponseSpec rates(String query) {
        return web.get().uri("/api/v1/analytics/rates?" + query).headers(h -> h.setBearerAuth(analyst())).exchange();
    }

    private static String ticket(Instant at, String unit, boolean onTime, Satisfaction rating, boolean solved) {
        String id = UUID.randomUUID().toString();
        topics.publish(new TicketReceived(EventIds.of(id, "TicketReceived", 1), at, id, "12345-x-" + id.substring(0,
                4), Channel.PHONE, "NOISE", Urgency.NORMAL, "noise", null, null,
                new CitizenContact(null, null, null, null, "zh", false), false, null, null, null));
        topics.publish(assigned(id, 1, unit, at.plusSeconds(60)));
        if (rating != null || onTime) {
            topics.publish(new TicketAccepted(EventIds.of(id, "TicketAccepted", 1), at.plusSeconds(3_600), id, unit,
                    onTime));
        } else {
            topics.publish(new TicketAccepted(EventIds.of(id, "TicketAccepted", 1), at.plusSeconds(200_000), id, unit,
                    false));
        }
        if (rating != null) {
            topics.publish(new FeedbackReceived(EventIds.of(id, "FeedbackReceived", 1), at.plusSeconds(90_000), id,
                    solved, rating, "SMS"));
        }
        return id;
    }

    private static TicketAssigned assigned(String id, int assignment, String unit, Instant at) {
        return new TicketAssigned(EventIds.of(id, "TicketAssigned", assignment), at, id, "12345-x", assignment, unit,
                unit, List.of(), "NOISE", "YUNYAN", Priority.NORMAL, at.plusSeconds(86_400),
                at.plusSeconds(7 * 86_400), new AssignmentReason("noise", 1, "YY-04", List.of()));
    }

    private static Instant at(int month, int day) {
        return LocalDateTime.of(2024, month, day, 10, 0).atZone(FactUpdates.CITY_ZONE).toInstant();
    }

    private static String analyst() {
        return infra.tokens().mint("an-1", "ANALYST");
    }
}
