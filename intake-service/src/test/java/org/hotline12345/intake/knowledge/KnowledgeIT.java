package org.hotline12345.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The knowledge base end to end on the real database: units draft, editors publish, send back and retire, and the
 * operator's search follows on this instance and on a second one within seconds.
 */
@HubIntegrationTest(database = "knowledge-it")
class KnowledgeIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    City city;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;

    final String water = infra.tokens().mintUnit("water-staff", "WATER_CO");
    final String power = infra.tokens().mintUnit("power-staff", "POWER_CO");
    final String editor = infra.tokens().mint("editor-1", "KNOWLEDGE_EDITOR");
    final String operator = infra.tokens().mint("operator-1", "OPERATOR");

    @Test
    void seedsTheCitysArticlesAndFindsTheOneACallerMeansInEverydayWords() {
        JsonNode hits = search("家里没水了什么时候来水", null).path("articles");

        assertThat(hits.size()).isBetween(1, 3);
        assertThat(hits.get(0).path("category").asString()).isEqualTo("WATER_SUPPLY");
        assertThat(hits.get(0).path("questionMarked").asString() + hits.get(0).path("answerMarked").asString())
                .contains("<mark>");
        assertThat(hits.get(0).path("version").asInt()).isEqualTo(1);
    }

    @Test
    void publishesAUnitsDraftSendsAnEditBackAndRetiresItWhileTheSearchFollows() {
        JsonNode draft = create(water, article("二次供水水箱多久清洗消毒一次？", "每半年清洗消毒一次。", "[]", null))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = draft.path("id").asString();
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(ids(search("水箱清洗消毒", null))).doesNotContain(id);

        JsonNode submitted = step(water, id, "submit", draft.path("revision").asLong(), null).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(ids(get(editor, "/api/v1/knowledge/review-queue"))).contains(id);
        step(editor, id, "publish", submitted.path("revision").asLong(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED").jsonPath("$.publishedVersion").isEqualTo(1);
        await().atMost(WITHIN_SECONDS).until(() -> answerFound(id, "每半年清洗消毒一次。"));

        JsonNode edited = editDraft(water, id, article("二次供水水箱多久清洗消毒一次？", "每季度清洗消毒一次。", "[]",
                revision(id))).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode resubmitted = step(water, id, "submit", edited.path("revision").asLong(), null)
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        step(editor, id, "send-back", resubmitted.path("revision").asLong(), " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        step(editor, id, "send-back", resubmitted.path("revision").asLong(), "请写明依据的文件")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SENT_BACK").jsonPath("$.sentBackReason").isEqualTo("请写明依据的文件");
        assertThat(answerFound(id, "每半年清洗消毒一次。")).as("the published version answers meanwhile").isTrue();

        step(water, id, "submit", revision(id), null).expectStatus().isOk();
        step(editor, id, "publish", revision(id), null).expectStatus().isOk()
                .expectBody().jsonPath("$.publishedVersion").isEqualTo(2);
        await().atMost(WITHIN_SECONDS).until(() -> answerFound(id, "每季度清洗消毒一次。"));
        JsonNode history = get(operator, "/api/v1/knowledge/articles/" + id + "/history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("content").path("answer").asString()).isEqualTo("每季度清洗消毒一次。");
        assertThat(history.get(1).path("content").path("answer").asString()).isEqualTo("每半年清洗消毒一次。");

        step(editor, id, "retire", revision(id), null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RETIRED");
        await().atMost(WITHIN_SECONDS).until(() -> !ids(search("水箱清洗消毒", null)).contains(id));
    }

    @Test
    void neverAnswersWithAnArticlePastItsLastDay() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), city.zone());
        String expired = published(article("供水管道冬季防冻包扎怎么做？", "旧办法。", "[]", null)
                .replace("\"validUntil\":null", "\"validUntil\":\"" + today.minusDays(1) + "\""));
        String current = published(article("供水管道冬季防冻包扎怎么做？", "新办法。", "[]", null));

        await().atMost(WITHIN_SECONDS).until(() -> ids(search("管道防冻包扎", null)).contains(current));
        assertThat(ids(search("管道防冻包扎", null))).doesNotContain(expired);
    }

    @Test
    void answersForTheCallersDistrictOrTheWholeCity() {
        String yunyan = published(article("云岩区街道供水营业厅在哪里办理过户？", "云岩区营业厅。", "[\"YUNYAN\"]", null));
        String nanming = published(article("南明区街道供水营业厅在哪里办理过户？", "南明区营业厅。", "[\"NANMING\"]", null));

        await().atMost(WITHIN_SECONDS).until(() -> ids(search("供水营业厅过户", null)).containsAll(List.of(yunyan,
                nanming)));
        assertThat(ids(search("供水营业厅过户", "NANMING"))).contains(nanming).doesNotContain(yunyan);
        web.get().uri("/api/v1/knowledge/search?q=停水&district=NOWHERE").headers(h -> h.setBearerAuth(operator))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("unknown");
    }

    @Test
    void refusesBadDraftsNamingEveryFieldAndStoresNothing() {
        int before = get(water, "/api/v1/knowledge/articles").size();

        create(water, """
                {"question":" ","answer":"x","category":"NOT_A_CATEGORY","districts":["NOWHERE"],
                 "validFrom":"2026-13-45","phrasings":["\\u0000"]}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("question", "category", "districts", "validFrom", "phrasings"));
        create(water, "not json").expectStatus().isBadRequest();

        assertThat(get(water, "/api/v1/knowledge/articles").size()).isEqualTo(before);
    }

    @Test
    void aUnitActsOnlyOnItsOwnArticlesAndOthersAreToldNothingExists() {
        String id = create(water, article("自来水表移位找谁办理？", "向水务集团申请。", "[]", null))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
        long revision = revision(id);

        editDraft(power, id, article("改了", "改了", "[]", revision)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.resource").isEqualTo("Article");
        step(power, id, "submit", revision, null).expectStatus().isNotFound();
        web.get().uri("/api/v1/knowledge/articles/" + id).headers(h -> h.setBearerAuth(power)).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/knowledge/articles/" + id).headers(h -> h.setBearerAuth(operator)).exchange()
                .expectStatus().isNotFound();
        step(water, id, "publish", revision, null).expectStatus().isForbidden();
        create(operator, article("问", "答", "[]", null)).expectStatus().isForbidden();

        assertThat(revision(id)).as("nothing changed").isEqualTo(revision);
    }

    @Test
    void ofTwoRacingPublishesOrEditsOneWinsAndTheOtherIsToldToReadAgain() throws Exception {
        String id = create(water, article("水费发票怎么开具？", "在公众号申请电子发票。", "[]", null))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
        long drafted = revision(id);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (String answer : List.of("甲的答复。", "乙的答复。")) {
            edits.add(() -> editDraft(water, id, article("水费发票怎么开具？", answer, "[]", drafted))
                    .returnResult(String.class).getStatus().value());
        }
        assertThat(Races.atOnce(edits)).containsExactlyInAnyOrder(200, 409);

        step(water, id, "submit", revision(id), null).expectStatus().isOk();
        long submitted = revision(id);
        List<Callable<Integer>> publishes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            publishes.add(() -> step(editor, id, "publish", submitted, null).returnResult(String.class).getStatus()
                    .value());
        }
        assertThat(Races.atOnce(publishes)).containsExactlyInAnyOrder(200, 409);
        assertThat(get(operator, "/api/v1/knowledge/articles/" + id + "/history").size()).isEqualTo(1);

        step(editor, id, "retire", submitted, null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("concurrent-change");
    }

    @Test
    void aSecondInstanceServesANewlyPublishedArticleWithinSeconds() throws Exception {
        try (KnowledgeSearch second = new KnowledgeSearch(city, clock)) {
            KnowledgeIndexRefresh refresh = new KnowledgeIndexRefresh(mongo, second,
                    new KnowledgeSeeding(mongo, city, clock), clock, Duration.ofSeconds(2));
            refresh.start();
            try {
                assertThat(second.size()).as("built whole at start").isGreaterThanOrEqualTo(city.knowledge().size());
                String id = published(article("路边消防栓漏水该找哪个单位维修？", "由水务集团维修。", "[]", null));

                await().atMost(WITHIN_SECONDS).until(() -> second.search("消防栓漏水", null, 3).stream()
                        .anyMatch(hit -> hit.id().equals(id)));

                step(editor, id, "retire", revision(id), null).expectStatus().isOk();
                await().atMost(WITHIN_SECONDS).until(() -> second.search("消防栓漏水", null, 3).stream()
                        .noneMatch(hit -> hit.id().equals(id)));
            } finally {
                refresh.stop();
            }
        }
    }

    @Test
    void anOperatorFlagsAnArticleWhichItsUnitAndTheEditorsSeeUntilOneClosesIt() {
        String id = published(article("水费阶梯价格是多少？", "第一阶梯每吨2.8元。", "[]", null));
        String flags = "/api/v1/knowledge/articles/" + id + "/flags";

        JsonNode flag = send(HttpMethod.POST, flags, operator, """
                {"reason":"OUTDATED","note":"水价今年已调整，文章还是旧价格"}""").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(flag.path("unit").asString()).isEqualTo("WATER_CO");
        assertThat(flag.path("version").asInt()).isEqualTo(1);
        assertThat(flag.path("flaggedBy").asString()).isEqualTo("operator-1");
        assertThat(flag.path("open").asBoolean()).isTrue();
        String flagId = flag.path("id").asString();
        send(HttpMethod.POST, flags, operator, "{\"note\":\"不对\"}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        send(HttpMethod.POST, flags, operator, "{\"reason\":\"WRONG\",\"note\":\" \"}").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("note");
        send(HttpMethod.POST, "/api/v1/knowledge/articles/KB-NOT-THERE/flags", operator,
                "{\"reason\":\"WRONG\",\"note\":\"不对\"}").expectStatus().isNotFound();
        send(HttpMethod.POST, flags, water, "{\"reason\":\"WRONG\",\"note\":\"不对\"}").expectStatus()
                .isForbidden();

        assertThat(ids(get(water, "/api/v1/knowledge/flags"))).contains(flagId);
        assertThat(ids(get(editor, "/api/v1/knowledge/flags"))).contains(flagId);
        assertThat(ids(get(power, "/api/v1/knowledge/flags"))).doesNotContain(flagId);
        web.get().uri("/api/v1/knowledge/flags").headers(h -> h.setBearerAuth(operator)).exchange()
                .expectStatus().isForbidden();

        String close = "/api/v1/knowledge/flags/" + flagId + "/close";
        send(HttpMethod.POST, close, power, "{}").expectStatus().isNotFound();
        send(HttpMethod.POST, close, water, "{\"note\":\"已提交新版本\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.open").isEqualTo(false).jsonPath("$.closedBy").isEqualTo("water-staff")
                .jsonPath("$.closeNote").isEqualTo("已提交新版本");
        send(HttpMethod.POST, close, editor, "{}").expectStatus().isNotFound();
        assertThat(ids(get(editor, "/api/v1/knowledge/flags"))).doesNotContain(flagId);
    }

    @Test
    void listsTheArticlesNearTheirLastDayForTheirUnitAndTheEditorsAndGaugesThem() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), city.zone());
        double before = meters.get("hotline.knowledge.articles.expiring").gauge().value();
        String soon = published(article("临时供水点在哪里？", "见水务集团公告。", "[]", null)
                .replace("\"validUntil\":null", "\"validUntil\":\"" + today.plusDays(10) + "\""));
        String later = published(article("冬季水表防冻怎么做？", "包裹保温材料。", "[]", null)
                .replace("\"validUntil\":null", "\"validUntil\":\"" + today.plusDays(40) + "\""));

        assertThat(ids(get(editor, "/api/v1/knowledge/expiring?days=14"))).contains(soon).doesNotContain(later);
        assertThat(ids(get(water, "/api/v1/knowledge/expiring?days=60"))).contains(soon, later);
        assertThat(ids(get(power, "/api/v1/knowledge/expiring?days=60"))).doesNotContain(soon, later);
        web.get().uri("/api/v1/knowledge/expiring?days=400").headers(h -> h.setBearerAuth(editor)).exchange()
                .expectStatus().isBadRequest();
        await().atMost(WITHIN_SECONDS).until(() -> meters.get("hotline.knowledge.articles.expiring").gauge()
                .value() == before + 1);

        step(editor, soon, "retire", revision(soon), null).expectStatus().isOk();
        assertThat(ids(get(editor, "/api/v1/knowledge/expiring?days=14"))).doesNotContain(soon);
        await().atMost(WITHIN_SECONDS).until(() -> meters.get("hotline.knowledge.articles.expiring").gauge()
                .value() == before);
    }

    private String published(String body) {
        JsonNode draft = create(water, body).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        String id = draft.path("id").asString();
        step(water, id, "submit", draft.path("revision").asLong(), null).expectStatus().isOk();
        step(editor, id, "publish", revision(id), null).expectStatus().isOk();
        return id;
    }

    private boolean answerFound(String id, String answer) {
        for (JsonNode hit : search("二次供水水箱清洗消毒", null).path("articles")) {
            if (hit.path("id").asString().equals(id)) {
                return hit.path("answer").asString().equals(answer);
            }
        }
        return false;
    }

    private long revision(String id) {
        return get(editor, "/api/v1/knowledge/articles/" + id).path("revision").asLong();
    }

    private static String article(String question, String answer, String districts, Long revision) {
        return "{\"question\":\"" + question + "\",\"phrasings\":[],\"answer\":\"" + answer
                + "\",\"category\":\"WATER_SUPPLY\",\"districts\":" + districts + ",\"basis\":\"《贵阳市城市供水管理办法》\","
                + "\"validFrom\":\"2026-01-01\",\"validUntil\":null" + (revision == null ? "" : ",\"revision\":" + revision)
                + "}";
    }

    private JsonNode search(String words, String district) {
        return web.get().uri(builder -> builder.path("/api/v1/knowledge/search").queryParam("q", words)
                        .queryParamIfPresent("district", java.util.Optional.ofNullable(district)).build())
                .headers(h -> h.setBearerAuth(operator)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode answer) {
        JsonNode list = answer.has("articles") ? answer.path("articles") : answer;
        List<String> ids = new ArrayList<>();
        list.forEach(node -> ids.add(node.path("id").asString()));
        return ids;
    }

    private JsonNode get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec create(String token, String body) {
        return send(HttpMethod.POST, "/api/v1/knowledge/articles", token, body);
    }

    private WebTestClient.ResponseSpec editDraft(String token, String id, String body) {
        return send(HttpMethod.PUT, "/api/v1/knowledge/articles/" + id + "/draft", token, body);
    }

    private WebTestClient.ResponseSpec step(String token, String id, String step, long revision, String reason) {
        return send(HttpMethod.POST, "/api/v1/knowledge/articles/" + id + "/" + step, token,
                "{\"revision\":" + revision + (reason == null ? "" : ",\"reason\":" + JSON.writeValueAsString(reason))
                        + "}");
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, String body) {
        return web.method(method).uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
