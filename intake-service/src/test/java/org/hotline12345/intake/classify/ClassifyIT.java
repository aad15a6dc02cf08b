package org.hotline12345.intake.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@HubIntegrationTest(database = "classify-it")
class ClassifyIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.INTAKE_TICKETS);

    @Autowired
    WebTestClient web;

    @Test
    void suggestsTheCategoryWhileTheOperatorTypesWithTheNextBestChoices() {
        CategorySuggester.Suggestion suggestion = classify("{\"text\":\"家里停电一上午了，冰箱里的东西都要坏了\"}",
                infra.tokens().mint("operator-7", "OPERATOR"))
                .expectStatus().isOk().expectBody(CategorySuggester.Suggestion.class).returnResult()
                .getResponseBody();

        assertThat(suggestion.category()).isEqualTo("POWER_SUPPLY");
        assertThat(suggestion.needsTriage()).isFalse();
        assertThat(suggestion.choices()).hasSize(3);
        assertThat(suggestion.choices().get(0).nameZh()).isEqualTo("供电");
        assertThat(suggestion.choices().get(0).confidence()).isGreaterThan(suggestion.choices().get(1).confidence());
    }

    @Test
    void sendsWordsItCannotPlaceToTriage() {
        classify("{\"text\":\"xqzv wplk\"}", infra.tokens().mint("operator-7", "OPERATOR"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.category").isEqualTo("OTHER")
                .jsonPath("$.needsTriage").isEqualTo(true);
    }

    @Test
    void refusesEmptyTextAndCallersWithoutTheRole() {
        classify("{\"text\":\"  \"}", infra.tokens().mint("operator-7", "OPERATOR"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        classify("{\"text\":\"停电了\"}", infra.tokens().mint("analyst-7", "ANALYST")).expectStatus().isForbidden();
        web.post().uri("/api/v1/classify").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"停电了\"}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void filesACallWithoutCategoryUnderTheSuggestionOrAsOtherForTriage() {
        String sure = register("""
                {"callerPhone":"13912340701","description":"小区停水两天了，水龙头一滴水都没有",
                 "location":{"lat":26.5601,"lon":106.7001}}""");
        String unsure = register("""
                {"callerPhone":"13912340702","description":"xqzv wplk zzzq",
                 "location":{"lat":26.5901,"lon":106.7301}}""");

        TicketReceived water = awaitReceived(sure);
        assertThat(water.category()).isEqualTo("WATER_SUPPLY");
        assertThat(water.suggestion().category()).isEqualTo("WATER_SUPPLY");
        assertThat(water.needsTriage()).isFalse();
        TicketReceived other = awaitReceived(unsure);
        assertThat(other.category()).isEqualTo("OTHER");
        assertThat(other.needsTriage()).isTrue();
    }

    private String register(String call) {
        return web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(call).exchange()
                .expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody().ticketId();
    }

    private static TicketReceived awaitReceived(String ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.eventsFor(ticketId, IntakeEvent.class).isEmpty());
        return (TicketReceived) reader.eventsFor(ticketId, IntakeEvent.class).get(0);
    }

    private WebTestClient.ResponseSpec classify(String body, String token) {
        return web.post().uri("/api/v1/classify").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
