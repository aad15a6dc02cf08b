package org.hotline12345.analytics.knowledge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hotline12345.contracts.KnowledgeAnswer;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The knowledge base's figures (直办) counted from the events intake and routing publish, through the facts and
 * their rollups. Each test counts the tickets of its own day far in the past, so the tests do not see each other's.
 */
@HubIntegrationTest(database = "analytics-knowledge-it", properties = "hotline.analytics.rollup-interval=1s")
class KnowledgeFiguresIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    /** An article the sample city's folder ships, which the figures name by its question. */
    static final String SHIPPED = "KB-WATER-002";
    /** An article a unit wrote since, which only the knowledge page can name. */
    static final String WRITTEN_SINCE = "KB-3F2A9C41D0B7";

    @Autowired
    WebTestClient web;

    @Test
    void countsTheCallsAnsweredFromEachArticleAgainstTheCallsReceived() {
        LocalDate day = LocalDate.of(2024, 5, 6);
        Instant at = day.atTime(9, 0).atZone(City.sample().zone()).toInstant();
        TicketReceived fromShipped = answered(at, SHIPPED);
        topics.publish(fromShipped);
        topics.publish(fromShipped);
        topics.publish(answered(at.plusSeconds(60), SHIPPED));
        topics.publish(answered(at.plusSeconds(120), WRITTEN_SINCE));
        topics.publish(TicketEvents.ticket(UUID.randomUUID().toString()).answeredOnCall("市民中心周末开放")
                .received(at.plusSeconds(180)));
        TicketReceived dispatched = TicketEvents.ticket(UUID.randomUUID().toString()).received(at.plusSeconds(240));
        topics.publish(dispatched);
        topics.publish(TicketEvents.ticket(dispatched.ticketId()).assigned(at.plusSeconds(300)));
        // another day's answered call is not counted in this one's
        topics.publish(answered(at.minusSeconds(86_400), SHIPPED));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figures("from=2024-05-06&to=2024-05-06")
                .json("""
                        {"from":"2024-05-06","to":"2024-05-06","received":5,"answeredOnCall":4,
                         "answeredFromArticle":3,"directRate":60.0,
                         "articles":[{"articleId":"KB-WATER-002","question":"突然停水怎么办，多久能恢复供水？",
                                      "unit":"WATER_CO","tickets":2},
                                     {"articleId":"KB-3F2A9C41D0B7","question":null,"unit":null,"tickets":1}]}""")
                .jsonPath("$.articles.length()").isEqualTo(2)
                .jsonPath("$.articles[0].articleId").isEqualTo(SHIPPED));
        figures("from=2024-05-05&to=2024-05-06&top=1").jsonPath("$.received").isEqualTo(6)
                .jsonPath("$.answeredFromArticle").isEqualTo(4)
                .jsonPath("$.directRate").isEqualTo(66.67)
                .jsonPath("$.articles.length()").isEqualTo(1)
                .jsonPath("$.articles[0].articleId").isEqualTo(SHIPPED)
                .jsonPath("$.articles[0].tickets").isEqualTo(3);
    }

    @Test
    void saysNoRateForAPeriodWithoutCalls() {
        figures("from=2024-05-20&to=2024-05-21").json("""
                {"received":0,"answeredOnCall":0,"answeredFromArticle":0,"directRate":null,"articles":[]}""");
    }

    @Test
    void answersAnalystsOnlyForAtMostAYearAtATime() {
        web.get().uri("/api/v1/analytics/knowledge").headers(h -> h.setBearerAuth(infra.tokens().mint("op-k",
                "OPERATOR"))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/analytics/knowledge").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/analytics/knowledge?from=2024-01-01&to=2025-06-01").headers(h -> h.setBearerAuth(
                analyst())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        web.get().uri("/api/v1/analytics/knowledge?top=0").headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isBadRequest();
    }

    private WebTestClient.BodyContentSpec figures(String query) {
        return web.get().uri("/api/v1/analytics/knowledge?" + query).headers(h -> h.setBearerAuth(analyst()))
                .exchange().expectStatus().isOk().expectBody();
    }

    /** A call the operator answered on the spot with version 2 of {@code article}. */
    private static TicketReceived answered(Instant at, String article) {
        TicketReceived r = TicketEvents.ticket(UUID.randomUUID().toString()).answeredOnCall("按文章答复").received(at);
        return new TicketReceived(r.eventId(), r.occurredAt(), r.ticketId(), r.ticketNumber(), r.channel(),
                r.category(), r.urgency(), r.description(), r.location(), r.address(), r.citizen(), true,
                r.answerGiven(), null, null, null, new KnowledgeAnswer(article, 2));
    }

    private static String analyst() {
        return infra.tokens().mint("an-k", "ANALYST");
    }
}
