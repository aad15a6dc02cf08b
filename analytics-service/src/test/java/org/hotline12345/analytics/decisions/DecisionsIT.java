package org.hotline12345.analytics.decisions;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.ExtensionApproved;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The centre's decisions through the real broker, as routing publishes them, read back through the endpoint. In
 * March 2024 urban management returns a ticket twice (the centre rejects the first return and upholds the second,
 * sending it to the police, who ask for more time, are granted less than asked, and resolve it) and returns another
 * that the centre sends back to it; the water company asks twice for more time, refused once and granted once. In
 * April every event of a returned ticket is delivered twice.
 */
@HubIntegrationTest(database = "analytics-decisions-it", properties = "hotline.analytics.rollup-interval=1s")
class DecisionsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    private static final String MARCH = "/api/v1/analytics/decisions?from=2024-03-01&to=2024-03-31";

    /** The figures worked out by hand, in hours from each first return to the unit that resolved the ticket. */
    private static final String MARCH_FIGURES = """
            {"from":"2024-03-01","to":"2024-03-31",
             "city":[{"group":"ALL","unitName":null,"month":"2024-03","returnsMade":3,"returnsUpheld":1,
                      "returnsRejected":2,"upheldRate":33.33,"extensionsAsked":3,"extensionsApproved":2,
                      "extensionsShortened":1,"extensionsRefused":1,"wentRound":1,"reachedRightUnit":2,
                      "averageHoursToRightUnit":3.0}],
             "units":[{"group":"URBAN_MGMT","unitName":"贵阳市城市管理局","month":"2024-03","returnsMade":3,
                       "returnsUpheld":1,"returnsRejected":2,"upheldRate":33.33,"extensionsAsked":0,
                       "extensionsApproved":0,"extensionsShortened":0,"extensionsRefused":0,"wentRound":1,
                       "reachedRightUnit":2,"averageHoursToRightUnit":3.0},
                      {"group":"POLICE","month":"2024-03","returnsMade":0,"returnsUpheld":0,"returnsRejected":0,
                       "upheldRate":null,"extensionsAsked":1,"extensionsApproved":1,"extensionsShortened":1,
                       "extensionsRefused":0,"wentRound":0,"reachedRightUnit":0,"averageHoursToRightUnit":null},
                      {"group":"WATER_CO","month":"2024-03","returnsMade":0,"extensionsAsked":2,
                       "extensionsApproved":1,"extensionsShortened":0,"extensionsRefused":1}]}""";

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void march() {
        Instant at = at(3, 5);
        TicketEvents round = TicketEvents.ticket(UUID.randomUUID().toString()).unit("URBAN_MGMT");
        publish(round.received(at), round.assigned(at.plusSeconds(60)),
                round.rejected(at.plusSeconds(3_600), "NOT_OURS"), round.returnRejected(at.plusSeconds(7_200)),
                // routing names a second return of the same assignment apart from the first
                new TicketRejected(EventIds.of(round.id(), "TicketRejected", "1/2"), at.plusSeconds(10_800),
                        round.id(), "URBAN_MGMT", "NOT_OURS", "属公安管辖"),
                round.returnUpheld(at.plusSeconds(18_000), "POLICE"),
                round.unit("POLICE").assigned(at.plusSeconds(18_000)),
                round.extensionRequested(at.plusSeconds(20_000), 1, at.plusSeconds(900_000)),
                new ExtensionApproved(EventIds.of(round.id(), "ExtensionApproved", 1), at.plusSeconds(21_000),
                        round.id(), "POLICE", at.plusSeconds(900_000), at.plusSeconds(700_000), "三天足够", "sup-1"),
                round.resolved(at.plusSeconds(40_000), true));

        TicketEvents back = TicketEvents.ticket(UUID.randomUUID().toString()).unit("URBAN_MGMT");
        Instant later = at(3, 12);
        publish(back.received(later), back.assigned(later.plusSeconds(60)),
                back.rejected(later.plusSeconds(3_600), "NOT_OURS"), back.returnRejected(later.plusSeconds(10_800)),
                back.accepted(later.plusSeconds(11_000), false), back.resolved(later.plusSeconds(30_000), true));

        TicketEvents slow = TicketEvents.ticket(UUID.randomUUID().toString()).unit("WATER_CO")
                .category("WATER_SUPPLY");
        Instant third = at(3, 20);
        publish(slow.received(third), slow.assigned(third.plusSeconds(60)),
                slow.extensionRequested(third.plusSeconds(3_600), 1, third.plusSeconds(900_000)),
                slow.extensionRefused(third.plusSeconds(7_200), 1),
                slow.extensionRequested(third.plusSeconds(10_000), 2, third.plusSeconds(900_000)),
                slow.extensionApproved(third.plusSeconds(12_000), 2, third.plusSeconds(900_000)));
    }

    @Test
    void countsEachDecisionForTheUnitItConcernsPerMonth() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> decisions(MARCH, analyst()).expectStatus().isOk()
                .expectBody().json(MARCH_FIGURES));
    }

    @Test
    void keepsTheRatesOfEachUnitAsTheyWereWithoutTheDecisions() {
        // the ticket the centre took from urban management counts for the police, who hold it now; the one it sent
        // back counts for urban management, signed for late, as its accept deadline ran on
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/rates?groupBy=unit&period=month&from=2024-03-01&to=2024-03-31")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk().expectBody().json("""
                        [{"group":"POLICE","received":1,"assigned":1,"acceptedOnTime":0},
                         {"group":"URBAN_MGMT","received":1,"assigned":1,"acceptedOnTime":0,"responseRate":0.0},
                         {"group":"WATER_CO","received":1,"assigned":1}]"""));
    }

    @Test
    void givesTheSameFiguresAfterARecountOfTheMonthFromTheFacts() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> decisions(MARCH, analyst()).expectBody()
                .json(MARCH_FIGURES));
        String before = decisions(MARCH, analyst()).expectBody(String.class).returnResult().getResponseBody();

        web.post().uri("/api/v1/admin/rollups/recount?from=2024-03-01&to=2024-03-31")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("admin-1", "ADMIN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.facts").isEqualTo(3);

        decisions(MARCH, analyst()).expectStatus().isOk().expectBody().json(before, true);
    }

    @Test
    void countsAnEventDeliveredTwiceOnce() {
        Instant at = at(4, 9);
        TicketEvents twice = TicketEvents.ticket(UUID.randomUUID().toString()).unit("URBAN_MGMT");
        List<HotlineEvent> story = List.of(twice.received(at), twice.assigned(at.plusSeconds(60)),
                twice.rejected(at.plusSeconds(1_800), "NOT_OURS"), twice.returnUpheld(at.plusSeconds(5_400), "POLICE"),
                twice.unit("POLICE").assigned(at.plusSeconds(5_400)), twice.resolved(at.plusSeconds(9_000), true));
        story.forEach(topics::publish);
        story.forEach(topics::publish);
        // after the second deliveries on the ticket's partition: once this is counted, they were read
        topics.publish(twice.extensionRequested(at.plusSeconds(7_200), 1, at.plusSeconds(900_000)));

        String april = "/api/v1/analytics/decisions?from=2024-04-01&to=2024-04-30";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> decisions(april, analyst()).expectBody()
                .jsonPath("$.units[?(@.group=='POLICE')].extensionsAsked").isEqualTo(List.of(1)));
        decisions(april, analyst()).expectBody().json("""
                {"city":[{"returnsMade":1,"returnsUpheld":1,"returnsRejected":0,"extensionsAsked":1,"wentRound":0,
                          "reachedRightUnit":1,"averageHoursToRightUnit":1.0}],
                 "units":[{"group":"URBAN_MGMT","returnsMade":1,"returnsUpheld":1,"wentRound":0,
                           "reachedRightUnit":1,"averageHoursToRightUnit":1.0},
                          {"group":"POLICE","returnsMade":0,"extensionsAsked":1}]}""");
    }

    @Test
    void givesTheTableAsCsvToASupervisorAndNothingToOtherRoles() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> decisions(MARCH, analyst()).expectBody()
                .json(MARCH_FIGURES));

        web.get().uri(MARCH).headers(h -> {
            h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"));
            h.set("Accept", "text/csv");
        }).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).isEqualTo("""
                        group,unitName,month,returnsMade,returnsUpheld,returnsRejected,upheldRate,extensionsAsked,\
                        extensionsApproved,extensionsShortened,extensionsRefused,wentRound,reachedRightUnit,\
                        averageHoursToRightUnit
                        ALL,,2024-03,3,1,2,33.33,3,2,1,1,1,2,3.0
                        URBAN_MGMT,贵阳市城市管理局,2024-03,3,1,2,33.33,0,0,0,0,1,2,3.0
                        POLICE,贵阳市公安局,2024-03,0,0,0,,1,1,1,0,0,0,
                        WATER_CO,贵阳水务集团,2024-03,0,0,0,,2,1,0,1,0,0,
                        """);
        for (String role : List.of("OPERATOR", "KNOWLEDGE_EDITOR")) {
            decisions(MARCH, infra.tokens().mint("someone", role)).expectStatus().isForbidden();
        }
        web.get().uri(MARCH).exchange().expectStatus().isUnauthorized();
        decisions("/api/v1/analytics/decisions?from=2024-03-31&to=2024-03-01", analyst()).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private WebTestClient.ResponseSpec decisions(String uri, String token) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static void publish(HotlineEvent... events) {
        for (HotlineEvent event : events) {
            topics.publish(event);
        }
    }

    private static Instant at(int month, int day) {
        return LocalDateTime.of(2024, month, day, 10, 0).atZone(City.sample().zone()).toInstant();
    }

    private static String analyst() {
        return infra.tokens().mint("an-1", "ANALYST");
    }
}
