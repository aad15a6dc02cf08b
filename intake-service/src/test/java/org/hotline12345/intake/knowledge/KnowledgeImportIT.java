package org.hotline12345.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * An existing knowledge base imported by a knowledge editor from real files, on the real database: a CSV file as a
 * spreadsheet saves it and JSON lines as a city's folder holds them are published and searched within seconds, the
 * same file imported again stores nothing twice, and a file with bad lines is refused whole, naming each line.
 */
@HubIntegrationTest(database = "knowledge-import-it")
class KnowledgeImportIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    final String editor = infra.tokens().mint("editor-import", "KNOWLEDGE_EDITOR");
    final String operator = infra.tokens().mint("operator-import", "OPERATOR");

    @Test
    void publishesACsvFileSearchedWithinSecondsAndImportingItAgainStoresNothingTwice() throws IOException {
        byte[] file = resource("import-existing.csv");
        // as a spreadsheet saves "CSV UTF-8": a byte order mark first, lines ended by CR LF
        byte[] saved = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new String(file, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

        JsonNode first = importFile(editor, CSV, saved).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(first.path("articles").asInt()).isEqualTo(4);
        assertThat(first.path("stored").asInt()).isEqualTo(4);
        assertThat(first.path("alreadyStored").asInt()).isZero();

        JsonNode article = get(editor, "/api/v1/knowledge/articles/OLD-0101");
        assertThat(article.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(article.path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(article.path("unit").asString()).isEqualTo("WATER_CO");
        assertThat(article.path("updatedBy").asString()).isEqualTo("editor-import");
        JsonNode published = article.path("published");
        assertThat(published.path("answer").asString())
                .isEqualTo("二次供水水箱每半年至少清洗消毒一次。\n清洗前物业应提前一天张贴停水通知。");
        assertThat(published.path("phrasings").values()).extracting(JsonNode::asString)
                .containsExactly("水箱多久洗一次", "楼顶水箱脏了谁管");
        assertThat(published.path("validUntil").asString()).isEqualTo("2027-12-31");
        assertThat(get(editor, "/api/v1/knowledge/articles/OLD-0104").path("published").path("districts").values())
                .extracting(JsonNode::asString).containsExactly("YUNYAN", "NANMING");
        assertThat(get(editor, "/api/v1/knowledge/articles/OLD-0102").path("published").path("validUntil")
                .isString()).isFalse();
        JsonNode history = get(editor, "/api/v1/knowledge/articles/OLD-0101/history");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("publishedBy").asString()).isEqualTo("editor-import");

        // the operators find it while the caller speaks, and the article's unit keeps it through the workflow
        await().atMost(WITHIN_SECONDS).until(() -> searched("楼顶水箱脏了多久洗一次").contains("OLD-0101"));
        assertThat(get(infra.tokens().mintUnit("water-import", "WATER_CO"), "/api/v1/knowledge/articles").values())
                .extracting(listed -> listed.path("id").asString()).contains("OLD-0101");

        JsonNode again = importFile(editor, CSV, saved).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(again.path("stored").asInt()).isZero();
        assertThat(again.path("alreadyStored").asInt()).isEqualTo(4);
        assertThat(again.path("differing").size()).isZero();
        assertThat(stored(Article.COLLECTION, "_id", List.of("OLD-0101", "OLD-0102", "OLD-0103", "OLD-0104")))
                .isEqualTo(4);
        assertThat(stored(ArticleVersion.COLLECTION, "articleId", List.of("OLD-0101", "OLD-0102", "OLD-0103",
                "OLD-0104"))).isEqualTo(4);

        // a later export that says otherwise changes nothing stored, and says which articles differ
        String changed = new String(file, StandardCharsets.UTF_8).replace("每半年至少清洗消毒一次", "每季度清洗消毒一次");
        JsonNode differing = importFile(editor, CSV, changed.getBytes(StandardCharsets.UTF_8)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(differing.path("stored").asInt()).isZero();
        assertThat(differing.path("differing").values()).extracting(JsonNode::asString).containsExactly("OLD-0101");
        assertThat(get(editor, "/api/v1/knowledge/articles/OLD-0101").path("published").path("answer").asString())
                .contains("每半年");
    }

    @Test
    void importsJsonLinesAndTheCitysOwnFileFindsEveryArticleStoredAlready() throws IOException {
        JsonNode lines = importFile(editor, MediaType.APPLICATION_NDJSON, resource("import-existing.jsonl"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(lines.path("stored").asInt()).isEqualTo(2);
        assertThat(get(editor, "/api/v1/knowledge/articles/OLD-0202").path("published").path("districts").values())
                .extracting(JsonNode::asString).containsExactly("YUNYAN");
        await().atMost(WITHIN_SECONDS).until(() -> searched("公租房房租能用公积金交吗").contains("OLD-0201"));

        // the sample city's knowledge.jsonl, which the service stored at start: every article is there already
        byte[] city;
        try (InputStream in = getClass().getResourceAsStream("/reference-data/knowledge.jsonl")) {
            city = in.readAllBytes();
        }
        long articles = new String(city, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).count();
        JsonNode own = importFile(editor, MediaType.parseMediaType("application/jsonl"), city).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(own.path("articles").asLong()).isEqualTo(articles);
        assertThat(own.path("stored").asInt()).isZero();
        assertThat(own.path("alreadyStored").asLong()).isEqualTo(articles);
        assertThat(own.path("differing").size()).isZero();
    }

    @Test
    void refusesAFileWithBadLinesWholeNamingEachLineAndStoresNothing() throws IOException {
        JsonNode problem = importFile(editor, CSV, resource("import-bad.csv")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.path("code").asString()).isEqualTo("validation");
        assertThat(problem.path("detail").asString()).contains("3 lines", "nothing was stored");
        List<String> named = new ArrayList<>();
        problem.path("errors").forEach(error -> named.add(error.path("line").asInt() + " "
                + error.path("field").asString() + " " + error.path("code").asString()));
        assertThat(named).containsExactly("3 category unknown", "4 unit unknown", "4 validUntil format",
                "5 id invalid", "5 districts unknown");
        assertThat(stored(Article.COLLECTION, "_id", List.of("BAD-0001", "BAD-0002", "BAD-0003"))).isZero();

        // a spreadsheet's GBK export is named for what it is
        byte[] gbk = new String(resource("import-existing.csv"), StandardCharsets.UTF_8)
                .getBytes(Charset.forName("GBK"));
        importFile(editor, CSV, gbk).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].line").isEqualTo(1).jsonPath("$.errors[0].message").value(message ->
                        assertThat(String.valueOf(message)).contains("UTF-8"));
        // a header that names no article's columns, a row that is not JSON, an empty file
        importFile(editor, CSV, "编号,问题\nX,Y\n".getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].line").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo("unknown-field");
        importFile(editor, MediaType.APPLICATION_NDJSON, "{\"id\":\"X-1\"}\nnot json\n".getBytes(
                StandardCharsets.UTF_8)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.line == 2)].code").isEqualTo("format");
        importFile(editor, CSV, new byte[0]).expectStatus().isBadRequest();
        importFile(editor, MediaType.TEXT_PLAIN, resource("import-existing.csv")).expectStatus()
                .isEqualTo(415).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // only the knowledge editors import
        importFile(operator, CSV, resource("import-existing.csv")).expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec importFile(String token, MediaType type, byte[] file) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build().post()
                .uri("/api/v1/knowledge/import").headers(h -> h.setBearerAuth(token)).contentType(type)
                .bodyValue(file).exchange();
    }

    private JsonNode get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> searched(String words) {
        List<String> ids = new ArrayList<>();
        web.get().uri(builder -> builder.path("/api/v1/knowledge/search").queryParam("q", words).build())
                .headers(h -> h.setBearerAuth(operator)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("articles")
                .forEach(hit -> ids.add(hit.path("id").asString()));
        return ids;
    }

    private long stored(String collection, String field, List<String> ids) {
        return mongo.count(Query.query(Criteria.where(field).in(ids)), collection).block(Duration.ofSeconds(10));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KnowledgeImportIT.class.getResourceAsStream("/knowledge/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
