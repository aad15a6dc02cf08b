package org.hotline12345.analytics.parts;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.PartAccepted;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The supporting units' parts through the real broker, as routing publishes them, read back through the endpoint. In
 * February 2022 urban management leads two tickets the police support (signed for on time both times, one answered
 * on time and one late) and one the water company supports too (signed for late, then waived by the centre after
 * its due date); the water company leads a ticket urban management supports, given its part and nothing since. In
 * March every event of a supported ticket is delivered twice.
 */
@HubIntegrationTest(database = "analytics-parts-it", properties = "hotline.analytics.rollup-interval=1s")
class PartsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    private static final String FEBRUARY = "/api/v1/analytics/parts?from=2022-02-01&to=2022-02-28";

    /** The figures worked out by hand. */
    private static final String FEBRUARY_FIGURES = """
            {"from":"2022-02-01","to":"2022-02-28",
             "city":[{"group":"ALL","unitName":null,"month":"2022-02","partsAssigned":4,"partsAcceptedOnTime":2,
                      "acceptedOnTimeRate":50.0,"partsAnswered":2,"partsAnsweredOnTime":1,"partsWaived":1,
                      "partsWaivedOverdue":1,"answeredOnTimeRate":33.33}],
             "units":[{"group":"POLICE","unitName":"贵阳市公安局","month":"2022-02","partsAssigned":2,
                       "partsAcceptedOnTime":2,"acceptedOnTimeRate":100.0,"partsAnswered":2,"partsAnsweredOnTime":1,
                       "partsWaived":0,"partsWaivedOverdue":0,"answeredOnTimeRate":50.0},
                      {"group":"URBAN_MGMT","unitName":"贵阳市城市管理局","month":"2022-02","partsAssigned":1,
                       "partsAcceptedOnTime":0,"acceptedOnTimeRate":0.0,"partsAnswered":0,"partsAnsweredOnTime":0,
                       "partsWaived":0,"partsWaivedOverdue":0,"answeredOnTimeRate":null},
                      {"group":"WATER_CO","unitName":"贵阳水务集团","month":"2022-02","partsAssigned":1,
                       "partsAcceptedOnTime":0,"acceptedOnTimeRate":0.0,"partsAnswered":0,"partsAnsweredOnTime":0,
                       "partsWaived":1,"partsWaivedOverdue":1,"answeredOnTimeRate":0.0}]}""";

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void february() {
        Instant at = at(2, 7);
        TicketEvents both = TicketEvents.ticket(UUID.randomUUID().toString()).unit("URBAN_MGMT");
        publish(both.received(at), both.assigned(at.plusSeconds(60)), both.partAssigned(at.plusSeconds(60), "POLICE"),
                both.partAssigned(at.plusSeconds(60), "WATER_CO"), both.accepted(at.plusSeconds(300), true),
                accepted(both, "POLICE", at.plusSeconds(600), true),
                accepted(both, "WATER_CO", at.plusSeconds(9_000), false),
                both.partAnswered(at.plusSeconds(40_000), "POLICE", true),
                both.partWaived(at.plusSeconds(95_000), "WATER_CO"), both.resolved(at.plusSeconds(99_000), true));

        TicketEvents late = TicketEvents.ticket(UUID.randomUUID().toString()).unit("URBAN_MGMT");
        Instant later = at(2, 14);
        publish(late.received(later), late.assigned(later.plusSeconds(60)),
                late.partAssigned(later.plusSeconds(60), "POLICE"), late.accepted(later.plusSeconds(300), true),
                accepted(late, "POLICE", later.plusSeconds(900), true),
                late.partAnswered(later.plusSeconds(100_000), "POLICE", false));

        TicketEvents water = TicketEvents.ticket(UUID.randomUUID().toString()).unit("WATER_CO")
                .category("WATER_SUPPLY");
        Instant third = at(2, 21);
        publish(water.received(third), water.assigned(third.plusSeconds(60)),
                water.partAssigned(third.plusSeconds(60), "URBAN_MGMT"));
    }

    @Test
    void countsEachPartForItsSupportingUnitPerMonth() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> parts(FEBRUARY, analyst()).expectStatus().isOk()
                .expectBody().json(FEBRUARY_FIGURES));
    }

    @Test
    void countsTheRatesForTheLeadAloneAndNothingForASupportingUnit() {
        // the police only supported: no ticket of theirs to respond to, resolve or be rated on
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/rates?groupBy=unit&period=month&from=2022-02-01&to=2022-02-28")
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk().expectBody().json("""
                        [{"group":"URBAN_MGMT","received":2,"assigned":2,"acceptedOnTime":2,"responseRate":100.0},
                         {"group":"WATER_CO","received":1,"assigned":1,"acceptedOnTime":0}]"""));
    }

    @Test
    void givesTheSameFiguresAfterARecountOfTheMonthFromTheFacts() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> parts(FEBRUARY, analyst()).expectBody()
                .json(FEBRUARY_FIGURES));
        String before = parts(FEBRUARY, analyst()).expectBody(String.class).returnResult().getResponseBody();

        web.post().uri("/api/v1/admin/rollups/recount?from=2022-02-01&to=2022-02-28")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("admin-1", "ADMIN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.facts").isEqualTo(3);

        parts(FEBRUARY, analyst()).expectStatus().isOk().expectBody().json(before, JsonCompareMode.STRICT);
    }

    @Test
    void countsAnEventDeliveredTwiceOnce() {
        Instant at = at(3, 9);
        TicketEvents twice = TicketEvents.ticket(UUID.randomUUID().toString()).unit("URBAN_MGMT");
        List<HotlineEvent> story = List.of(twice.received(at), twice.assigned(at.plusSeconds(60)),
                twice.partAssigned(at.plusSeconds(60), "POLICE"), accepted(twice, "POLICE", at.plusSeconds(600), true),
                twice.partAnswered(at.plusSeconds(7_200), "POLICE", true));
        story.forEach(topics::publish);
        story.forEach(topics::publish);
        // after the second deliveries on the ticket's partition: once this is counted, they were read
        topics.publish(twice.partAssigned(at.plusSeconds(9_000), "WATER_CO"));

        String march = "/api/v1/analytics/parts?from=2022-03-01&to=2022-03-31";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> parts(march, analyst()).expectBody()
                .jsonPath("$.units[?(@.group=='WATER_CO')].partsAssigned").isEqualTo(List.of(1)));
        parts(march, analyst()).expectBody().json("""
                {"city":[{"partsAssigned":2,"partsAcceptedOnTime":1,"acceptedOnTimeRate":50.0,"partsAnswered":1,
                          "partsAnsweredOnTime":1,"partsWaived":0,"answeredOnTimeRate":100.0}],
                 "units":[{"group":"POLICE","partsAssigned":1,"partsAcceptedOnTime":1,"partsAnswered":1,
                           "partsAnsweredOnTime":1},
                          {"group":"WATER_CO","partsAssigned":1,"partsAcceptedOnTime":0,"partsAnswered":0}]}""");
    }

    @Test
    void givesTheTableAsCsvToASupervisorAndNothingToOtherRoles() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> parts(FEBRUARY, analyst()).expectBody()
                .json(FEBRUARY_FIGURES));

        web.get().uri(FEBRUARY).headers(h -> {
            h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"));
            h.set("Accept", "text/csv");
        }).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).isEqualTo("""
                        group,unitName,month,partsAssigned,partsAcceptedOnTime,acceptedOnTimeRate,partsAnswered,\
                        partsAnsweredOnTime,partsWaived,partsWaivedOverdue,answeredOnTimeRate
                        ALL,,2022-02,4,2,50.0,2,1,1,1,33.33
                        POLICE,贵阳市公安局,2022-02,2,2,100.0,2,1,0,0,50.0
                        URBAN_MGMT,贵阳市城市管理局,2022-02,1,0,0.0,0,0,0,0,
                        WATER_CO,贵阳水务集团,2022-02,1,0,0.0,0,0,1,1,0.0
                        """);
        for (String role : List.of("OPERATOR", "KNOWLEDGE_EDITOR")) {
            parts(FEBRUARY, infra.tokens().mint("someone", role)).expectStatus().isForbidden();
        }
        web.get().uri(FEBRUARY).exchange().expectStatus().isUnauthorized();
        parts("/api/v1/analytics/parts?from=2022-02-28&to=2022-02-01", analyst()).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    /** As routing names a part's sign-for: once per supporting unit and assignment. */
    private static PartAccepted accepted(TicketEvents ticket, String supportingUnit, Instant at, boolean onTime) {
        return new PartAccepted(EventIds.of(ticket.id(), "PartAccepted", "1/" + supportingUnit), at, ticket.id(),
                "URBAN_MGMT", supportingUnit, 1, onTime);
    }

    private WebTestClient.ResponseSpec parts(String uri, String token) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static void publish(HotlineEvent... events) {
        for (HotlineEvent event : events) {
            topics.publish(event);
        }
    }

    private static Instant at(int month, int day) {
        return LocalDateTime.of(2022, month, day, 10, 0).atZone(City.sample().zone()).toInstant();
    }

    private static String analyst() {
        return infra.tokens().mint("an-1", "ANALYST");
    }
}
