package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.intake.classify.CategorySuggester;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the operator's console is told while the caller speaks: the suggested category, the urgent words, the place
 * with its grid, the open ticket the call would join, and the caller's ticket settled lately, without anything
 * being stored or claimed.
 */
@HubIntegrationTest(database = "intake-call-check-it")
class CallCheckIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    CategorySuggester suggester;

    @Test
    void suggestsTheCategoryMarksUrgentWordsAndPlacesThePointInItsGrid() {
        String words = "楼下有一股很浓的煤气味，邻居家好像燃气泄漏了";
        CategorySuggester.Suggestion expected = suggester.explain(words);
        check("""
                {"description":"%s","address":"云岩区中华北路18号",
                 "location":{"lat":26.5785,"lon":106.7135}}""".formatted(words), operator())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.suggestion.choices[0].category").isEqualTo(expected.choices().get(0).category())
                .jsonPath("$.suggestion.choices[0].nameZh").isEqualTo(expected.choices().get(0).nameZh())
                .jsonPath("$.urgency").isEqualTo("URGENT")
                .jsonPath("$.urgencyCue").isEqualTo("煤气味")
                .jsonPath("$.place.district").isEqualTo("YUNYAN")
                .jsonPath("$.place.street").isEqualTo("ZHONGHUA_N")
                .jsonPath("$.place.gridId").isEqualTo("YY-04")
                .jsonPath("$.place.streetOffice").isEqualTo("ZHONGHUA_N_OFFICE")
                .jsonPath("$.link").doesNotExist();
    }

    @Test
    void placesAnAddressWithoutAPointInItsStreetAndSaysNothingOfFewWords() {
        check("""
                {"description":"吵","address":"中华北路"}""", operator())
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.suggestion").doesNotExist()
                .jsonPath("$.place.district").isEqualTo("YUNYAN")
                .jsonPath("$.place.gridId").doesNotExist();
    }

    @Test
    void warnsOfARepeatBeforeSavingWithoutClaimingAnything() {
        String call = """
                {"callerPhone":"138-5555-0101","description":"小区门口的垃圾堆了一个星期没人清理","address":"南明区花果园",
                 "location":{"lat":26.5601,"lon":106.6901},"category":"CITY_APPEARANCE"}""";
        String question = """
                {"callerPhone":"13855550101","description":"垃圾还是没人清理","category":"CITY_APPEARANCE"}""";
        check(question, operator()).expectStatus().isOk().expectBody().jsonPath("$.link").doesNotExist();
        long before = count();
        // asking twice claims nothing: the first registration is an original, not a repeat of a phantom
        check(question, operator()).expectStatus().isOk();
        assertThat(count()).isEqualTo(before);

        TicketReceipt first = web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(call).exchange().expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        assertThat(first.repeatOf()).isNull();

        check(question, operator()).expectStatus().isOk().expectBody()
                .jsonPath("$.category").isEqualTo("CITY_APPEARANCE")
                .jsonPath("$.link.why").isEqualTo("REPEAT")
                .jsonPath("$.link.ticketId").isEqualTo(first.ticketId())
                .jsonPath("$.link.ticketNumber").isEqualTo(first.ticketNumber())
                .jsonPath("$.link.status").isEqualTo("RECEIVED");
        // another caller at the same place: the same incident
        check("""
                {"callerPhone":"13955550102","description":"这里垃圾堆成山了","category":"CITY_APPEARANCE",
                 "location":{"lat":26.5603,"lon":106.6902}}""", operator()).expectStatus().isOk().expectBody()
                .jsonPath("$.link.why").isEqualTo("SAME_INCIDENT")
                .jsonPath("$.link.ticketNumber").isEqualTo(first.ticketNumber());
    }

    @Test
    void remindsOfTheCallersTicketSettledLatelyWithItsNumberStatusAndTimeOnly() {
        String phone = "13855550201";
        String question = """
                {"callerPhone":"138 5555 0201","description":"上次反映的路灯又不亮了"}""";
        check(question, operator()).expectStatus().isOk().expectBody().jsonPath("$.recentlySettled").doesNotExist();
        TicketReceipt first = web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"%s","description":"小区门口路灯坏了一个星期","category":"CITY_APPEARANCE",
                         "location":{"lat":26.5801,"lon":106.7001}}""".formatted(phone)).exchange()
                .expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult().getResponseBody();
        // open, it is what the repeat warning is for
        check(question, operator()).expectStatus().isOk().expectBody().jsonPath("$.recentlySettled").doesNotExist();

        Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.publish(new TicketResolved(EventIds.of(first.ticketId(), "TicketResolved", 1), resolvedAt,
                first.ticketId(), "CITY_MGMT", ResolutionResult.SOLVED, "路灯已更换", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(
                mongo.findById(first.ticketId(), IntakeTicket.class).block().getStatus()));

        byte[] answer = check(question, operator()).expectStatus().isOk().expectBody()
                .jsonPath("$.recentlySettled.ticketNumber").isEqualTo(first.ticketNumber())
                .jsonPath("$.recentlySettled.status").isEqualTo("RESOLVED")
                .jsonPath("$.recentlySettled.at").value(at -> assertThat(Instant.parse((String) at))
                        .isEqualTo(resolvedAt))
                .returnResult().getResponseBodyContent();
        // nothing else of it: no id to open it by, neither the caller's words nor the unit's reply
        assertThat(new String(answer, StandardCharsets.UTF_8)).doesNotContain(first.ticketId())
                .doesNotContain("路灯已更换").doesNotContain("小区门口路灯");
        // another number, or none, is reminded of nothing
        check("""
                {"callerPhone":"13855550202","description":"上次反映的路灯又不亮了"}""", operator()).expectStatus()
                .isOk().expectBody().jsonPath("$.recentlySettled").doesNotExist();
        check("""
                {"description":"上次反映的路灯又不亮了"}""", operator()).expectStatus().isOk().expectBody()
                .jsonPath("$.recentlySettled").doesNotExist();
    }

    @Test
    void isForOperatorsOnlyAndRefusesBadInputAsAProblem() {
        check("{\"description\":\"路灯不亮\"}", null).expectStatus().isUnauthorized();
        check("{\"description\":\"路灯不亮\"}", infra.tokens().mintUnit("unit-1", "URBAN_MGMT"))
                .expectStatus().isForbidden();
        check("{\"description\":\"路灯\",\"category\":\"not a code\",\"location\":{\"lat\":123,\"lon\":0}}",
                operator()).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == 'category')]").exists()
                .jsonPath("$.errors[?(@.field == 'location.lat')]").exists();
    }

    private WebTestClient.ResponseSpec check(String body, String token) {
        return web.post().uri("/api/v1/calls/check").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long count() {
        return mongo.getCollection(TicketLinks.OpenCaller.COLLECTION).flatMap(c -> reactor.core.publisher.Mono.from(
                c.estimatedDocumentCount())).block();
    }

    private String operator() {
        return infra.tokens().mint("operator-1", "OPERATOR");
    }
}
