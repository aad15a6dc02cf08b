package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.intake.classify.CategorySuggester;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the operator's console is told while the caller speaks: the suggested category, the urgent words, the place
 * with its grid, and the open ticket the call would join, without anything being stored or claimed.
 */
@HubIntegrationTest(database = "intake-call-check-it")
class CallCheckIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

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
