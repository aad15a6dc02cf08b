package org.hotline12345.intake.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The public form, used as a stranger would: posting with someone else's phone number must tell them nothing. */
@HubIntegrationTest(database = "intake-public-form-it")
class PublicFormIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.INTAKE_TICKETS);

    @Autowired
    WebTestClient web;

    @Test
    void answersAlikeWhetherOrNotTheNumberHasAnOpenTicket() {
        String first = complaint("13700000101").expectStatus().isAccepted().expectHeader().doesNotExist("Location")
                .expectBody(String.class).returnResult().getResponseBody();
        String again = complaint("13700000101").expectStatus().isAccepted().expectHeader().doesNotExist("Location")
                .expectBody(String.class).returnResult().getResponseBody();

        for (String answer : List.of(first, again)) {
            assertThat(answer).contains("\"ticketNumber\"", "\"lookUp\"")
                    .doesNotContain("repeatOf", "parentIncidentId", "status", "ticketId", "LINKED");
        }
        // the staff still see the second as a repeat of the first
        assertThat(received(numberIn(again), "137****0101").repeatOf())
                .isEqualTo(received(numberIn(first), "137****0101").ticketId());
    }

    @Test
    void locksATicketNumberAfterFiveWrongGuessesRacedAtOnceAndAnUnknownNumberAlike() throws Exception {
        String number = numberIn(complaint("13700000202").expectStatus().isAccepted().expectBody(String.class)
                .returnResult().getResponseBody());
        lookUp(number, "0202").expectStatus().isOk();

        List<Integer> answers = race(20, i -> lookUp(number, String.format("%04d", 1000 + i)));

        assertThat(answers).filteredOn(status -> status == 404).hasSize(5);
        assertThat(answers).filteredOn(status -> status == 429).hasSize(15);
        lookUp(number, "0202").expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        String unknown = "12345-19990101-0001";
        List<Integer> unknownAnswers = race(20, i -> lookUp(unknown, String.format("%04d", 1000 + i)));
        assertThat(unknownAnswers).filteredOn(status -> status == 404).hasSize(5);
        assertThat(unknownAnswers).filteredOn(status -> status == 429).hasSize(15);
    }

    private static List<Integer> race(int requests, IntFunction<WebTestClient.ResponseSpec> request)
            throws Exception {
        List<Callable<Integer>> calls = IntStream.range(0, requests).<Callable<Integer>>mapToObj(
                i -> () -> request.apply(i).returnResult(String.class).getStatus().value()).toList();
        return Races.atOnce(calls);
    }

    private WebTestClient.ResponseSpec lookUp(String number, String last4) {
        return web.get().uri("/api/v1/public/tickets/{n}?phoneLast4={d}", number, last4).exchange();
    }

    /** The ticket of that number and masked phone: other test classes' services number their tickets too. */
    private TicketReceived received(String ticketNumber, String maskedPhone) {
        await().atMost(Duration.ofSeconds(30)).until(() -> find(ticketNumber, maskedPhone) != null);
        return find(ticketNumber, maskedPhone);
    }

    private TicketReceived find(String ticketNumber, String maskedPhone) {
        return reader.readToEnd().stream().map(r -> EventCodec.read(r.value(), IntakeEvent.class))
                .filter(e -> e instanceof TicketReceived r && ticketNumber.equals(r.ticketNumber())
                        && maskedPhone.equals(r.citizen().maskedPhone()))
                .map(TicketReceived.class::cast).findFirst().orElse(null);
    }

    private static String numberIn(String answer) {
        return answer.replaceAll(".*\"ticketNumber\":\"([^\"]+)\".*", "$1");
    }

    private WebTestClient.ResponseSpec complaint(String phone) {
        return web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"phone":"%s","name":"李女士","description":"小区门口垃圾堆了一周没人清运",
                 "address":"南明区花果园大街1号","category":"CITY_APPEARANCE"}""".formatted(phone)).exchange();
    }
}
