package org.hotline12345.analytics.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
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
        TicketReceived fromShipped = answered(at, SHIPPED, "operator-1");
        topics.publish(fromShipped);
        topics.publish(fromShipped);
        topics.publish(answered(at.plusSeconds(60), SHIPPED, "operator-1"));
        topics.publish(answered(at.plusSeconds(120), WRITTEN_SINCE, "operator-2"));
        topics.publish(TicketEvents.ticket(UUID.randomUUID().toString()).answeredOnCall("市民中心周末开放")
                .received(at.plusSeconds(180)));
        TicketReceived dispatched = TicketEvents.ticket(UUID.randomUUID().toString()).received(at.plusSeconds(240));
        topics.publish(dispatched);
        topics.publish(TicketEvents.ticket(dispatched.ticketId()).assigned(at.plusSeconds(300)));
        // another day's answered call is not counted in this one's
        topics.publish(answered(at.minusSeconds(86_400), SHIPPED, "operator-1"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figures("from=2024-05-06&to=2024-05-06")
                .json("""
                        {"from":"2024-05-06","to":"2024-05-06","received":5,"answeredOnCall":4,
                         "answeredFromArticle":3,"directRate":60.0,
                         "articles":[{"articleId":"KB-WATER-002","question":"突然停水怎么办，多久能恢复供水？",
                                      "unit":"WATER_CO","tickets":2},
                                     {"articleId":"KB-3F2A9C41D0B7","question":null,"unit":null,"tickets":1}]}""")
                .jsonPath("$.articles.length()").isEqualTo(2)
                .jsonPath("$.articles[0].articleId").isEqualTo(SHIPPED)
                // each category's 直办率 from its own rollup group: these calls were all of one category
                .jsonPath("$.byCategory.length()").isEqualTo(1)
                .jsonPath("$.byCategory[0].category").isEqualTo("NOISE")
                .jsonPath("$.byCategory[0].received").isEqualTo(5)
                .jsonPath("$.byCategory[0].answeredOnCall").isEqualTo(4)
                .jsonPath("$.byCategory[0].answeredFromArticle").isEqualTo(3)
                .jsonPath("$.byCategory[0].directRate").isEqualTo(60.0)
                // and each operator's, of the calls they registered at the console
                .jsonPath("$.byOperator.length()").isEqualTo(2)
                .jsonPath("$.byOperator[0].operator").isEqualTo("operator-1")
                .jsonPath("$.byOperator[0].received").isEqualTo(2)
                .jsonPath("$.byOperator[0].answeredFromArticle").isEqualTo(2)
                .jsonPath("$.byOperator[0].directRate").isEqualTo(100.0)
                .jsonPath("$.byOperator[1].operator").isEqualTo("operator-2"));
        figures("from=2024-05-05&to=2024-05-06&top=1").jsonPath("$.received").isEqualTo(6)
                .jsonPath("$.answeredFromArticle").isEqualTo(4)
                .jsonPath("$.directRate").isEqualTo(66.67)
                .jsonPath("$.articles.length()").isEqualTo(1)
                .jsonPath("$.articles[0].articleId").isEqualTo(SHIPPED)
                .jsonPath("$.articles[0].tickets").isEqualTo(3);
    }

    @Test
    void groupsTheQuestionsDispatchedWithoutAnArticleByCategoryAndByTheirWords() {
        LocalDate day = LocalDate.of(2024, 5, 13);
        Instant at = day.atTime(10, 0).atZone(City.sample().zone()).toInstant();
        dispatchedQuestion(at, "请问公积金贷款额度怎么算");
        dispatchedQuestion(at.plusSeconds(60), "公积金提取需要什么材料");
        dispatchedQuestion(at.plusSeconds(120), "家里断水了什么时候来水");
        // a question answered on the call, one not dispatched yet and a complaint are no gaps
        topics.publish(question("公积金怎么转移").answeredOnCall("按文章答复").received(at.plusSeconds(180)));
        topics.publish(question("公积金贷款利率是多少").received(at.plusSeconds(240)));
        TicketEvents complaint = TicketEvents.ticket(UUID.randomUUID().toString()).description("公积金中心门口噪音很大");
        topics.publish(complaint.received(at.plusSeconds(300)));
        topics.publish(complaint.assigned(at.plusSeconds(360)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> figures("from=2024-05-13&to=2024-05-13&top=1")
                .json("""
                        {"gaps":{"questions":3,"byCategory":[{"category":"CONSULTATION","questions":3}],
                         "words":[{"word":"住房公积金","questions":2,"categories":["CONSULTATION"]}]}}""")
                .jsonPath("$.gaps.words.length()").isEqualTo(1));
        // counted under the city's official term for the words callers use (断水 as 停水), of dispatched questions only
        figures("from=2024-05-13&to=2024-05-13&top=50").jsonPath("$.gaps.words[*].word")
                .value(words -> assertThat(words.toString())
                        .contains("停水", "贷款", "提取").doesNotContain("断水", "请问", "利率", "噪音"));
    }

    @Test
    void saysNoRateForAPeriodWithoutCalls() {
        figures("from=2024-05-20&to=2024-05-21").json("""
                {"received":0,"answeredOnCall":0,"answeredFromArticle":0,"directRate":null,"articles":[],
                 "byCategory":[],"byOperator":[],"gaps":{"questions":0,"byCategory":[],"words":[]}}""");
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

    /** A call {@code operator} answered on the spot with version 2 of {@code article}. */
    private static TicketReceived answered(Instant at, String article, String operator) {
        TicketReceived r = TicketEvents.ticket(UUID.randomUUID().toString()).answeredOnCall("按文章答复").received(at);
        return new TicketReceived(r.eventId(), r.occurredAt(), r.ticketId(), r.ticketNumber(), r.channel(),
                r.category(), r.urgency(), r.description(), r.location(), r.address(), r.citizen(), true,
                r.answerGiven(), null, null, null, new KnowledgeAnswer(article, 2), operator);
    }

    /** A question of the category 政策咨询 in the caller's {@code words}. */
    private static TicketEvents question(String words) {
        return TicketEvents.ticket(UUID.randomUUID().toString()).category("CONSULTATION").unit("HOUSING_FUND")
                .description(words);
    }

    /** A question received at {@code at} and dispatched to a unit a minute later. */
    private static void dispatchedQuestion(Instant at, String words) {
        TicketEvents question = question(words);
        topics.publish(question.received(at));
        topics.publish(question.assigned(at.plusSeconds(60)));
    }

    private static String analyst() {
        return infra.tokens().mint("an-k", "ANALYST");
    }
}
