package org.hotline12345.intake.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.intake.FiledTicketTests;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The public form and the citizen's look-up, used as a stranger would: posting with someone else's phone number, or
 * knowing it and a ticket's number, must tell them nothing. The look-ups' only limit, per client address, is set
 * out of the way here.
 */
@HubIntegrationTest(database = "intake-public-form-it", properties = "hotline.intake.limits.lookups-per-address=1000")
class PublicFormIT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.INTAKE_TICKETS);

    @Test
    void answersAlikeWhetherOrNotTheNumberHasAnOpenTicket() {
        String first = complaint("13700000101").expectStatus().isAccepted().expectHeader().doesNotExist("Location")
                .expectBody(String.class).returnResult().getResponseBody();
        String again = complaint("13700000101").expectStatus().isAccepted().expectHeader().doesNotExist("Location")
                .expectBody(String.class).returnResult().getResponseBody();

        for (String answer : List.of(first, again)) {
            // nor the link's token: that reaches only the texts to the number given
            assertThat(answer).contains("\"ticketNumber\"", "\"lookUp\"")
                    .doesNotContain("repeatOf", "parentIncidentId", "status", "ticketId", "LINKED",
                            tokens.tokenFor(numberIn(answer)));
        }
        // the staff still see the second as a repeat of the first
        assertThat(received(numberIn(again), "137****0101").repeatOf())
                .isEqualTo(received(numberIn(first), "137****0101").ticketId());
    }

    @Test
    void tellsAStrangerWithTheCallersNumberAndItsLastFourDigitsNothing() {
        String number = numberIn(complaint("13700000201").expectStatus().isAccepted().expectBody(String.class)
                .returnResult().getResponseBody());

        List<WebTestClient.ResponseSpec> tries = List.of(
                web.get().uri("/api/v1/public/tickets/{n}?phoneLast4=0201", number).exchange(),
                web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"ticketNumber\":\"" + number + "\",\"phoneLast4\":\"0201\"}").exchange(),
                web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"ticketNumber\":\"" + number + "\",\"token\":\"0201\"}").exchange(),
                lookUp(number, "13700000201-0201"));

        for (WebTestClient.ResponseSpec tried : tries) {
            String answer = tried.expectStatus().is4xxClientError().expectBody(String.class).returnResult()
                    .getResponseBody();
            assertThat(answer).doesNotContain("timeline", "RECEIVED", "CITY_APPEARANCE");
        }
        lookUp(number, tokens.tokenFor(number)).expectStatus().isOk();
    }

    @Test
    void neverLocksTheCitizenOutHoweverManyWrongTokensAreRacedAtTheirTicket() throws Exception {
        String number = numberIn(complaint("13700000202").expectStatus().isAccepted().expectBody(String.class)
                .returnResult().getResponseBody());
        String unknown = "12345-19990101-0001";

        List<Integer> answers = race(40, i -> lookUp(i % 2 == 0 ? number : unknown,
                String.format("%016d", i)));

        assertThat(answers).containsOnly(404);
        lookUp(number, tokens.tokenFor(number)).expectStatus().isOk().expectBody()
                .jsonPath("$.ticketNumber").isEqualTo(number)
                .jsonPath("$.status").isEqualTo("RECEIVED");
    }

    @Test
    void showsALinkedTicketAsTheTicketItJoinedProgressesButNothingOfAStrangersRepeatOrUnpublishedReport() {
        TicketReceipt burst = call("13700000301", "路口水管爆裂，水流成河", 26.5650, 106.7050);
        TicketReceipt nearbyCall = call("13700000303", "路口的水管破了，快来修", 26.5651, 106.7049);
        // anyone can post a report near anyone's: it is linked, but shows nothing of an unpublished first report
        String nearby = numberIn(web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"phone":"13700000302","description":"这个路口的水管爆了，路上全是水",
                         "location":{"lat":26.5652,"lon":106.7051},"category":"WATER_SUPPLY"}""").exchange()
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        TicketReceipt again = call("13700000301", "水管还在漏，催一下", 26.5650, 106.7050);
        // someone posting with the first caller's number: a repeat of that caller's ticket, which stays theirs
        String stranger = numberIn(web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"phone":"13700000301","description":"水管爆裂到底修好没有",
                         "address":"南明区花果园大街1号","category":"WATER_SUPPLY"}""").exchange()
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        assertThat(again.repeatOf()).isEqualTo(burst.ticketId());
        assertThat(received(stranger, "137****0301").repeatOf()).isEqualTo(burst.ticketId());
        assertThat(nearbyCall.parentIncidentId()).isEqualTo(burst.ticketId());
        assertThat(received(nearby, "137****0302").parentIncidentId()).isEqualTo(burst.ticketId());
        lookUp(nearbyCall.ticketNumber()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("RECEIVED")
                .jsonPath("$.joinedTo.why").isEqualTo("SAME_INCIDENT")
                .jsonPath("$.handlingUnit").doesNotExist();

        Instant assignedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant resolveBy = assignedAt.plus(Duration.ofHours(24));
        topics.publish(new TicketAssigned(EventIds.of(burst.ticketId(), "TicketAssigned", 1), assignedAt,
                burst.ticketId(), burst.ticketNumber(), 1, "WATER_CO", "贵阳市供水公司", List.of(), "WATER_SUPPLY",
                "NANMING", Priority.URGENT, assignedAt.plus(Duration.ofHours(2)), resolveBy,
                new AssignmentReason("water", 1, null, List.of())));
        topics.publish(new TicketResolved(EventIds.of(burst.ticketId(), "TicketResolved", 1), Instant.now(),
                burst.ticketId(), "WATER_CO", ResolutionResult.SOLVED, "爆裂的水管已更换，供水恢复。", true, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(
                mongo.findById(burst.ticketId(), IntakeTicket.class).block().getStatus()));

        for (String[] linked : List.of(new String[] {nearbyCall.ticketNumber(), "SAME_INCIDENT"},
                new String[] {again.ticketNumber(), "REPEAT"})) {
            lookUp(linked[0]).expectStatus().isOk().expectBody()
                    .jsonPath("$.ticketNumber").isEqualTo(linked[0])
                    .jsonPath("$.status").isEqualTo("RESOLVED")
                    .jsonPath("$.handlingUnit").isEqualTo("贵阳市供水公司")
                    .jsonPath("$.dueAt").value(due -> assertThat(Instant.parse((String) due)).isEqualTo(resolveBy))
                    .jsonPath("$.reply").isEqualTo("爆裂的水管已更换，供水恢复。")
                    .jsonPath("$.joinedTo.why").isEqualTo(linked[1])
                    .jsonPath("$.timeline[0].status").isEqualTo("LINKED")
                    .jsonPath("$.timeline[-1].status").isEqualTo("RESOLVED");
        }
        // the same caller's earlier ticket is named; another caller's report of the incident is not
        lookUp(again.ticketNumber()).expectBody()
                .jsonPath("$.joinedTo.ticketNumber").isEqualTo(burst.ticketNumber());
        assertThat(lookUp(nearbyCall.ticketNumber()).expectBody(String.class).returnResult()
                .getResponseBody()).doesNotContain(burst.ticketNumber());
        for (String unrelated : List.of(stranger, nearby)) {
            String answer = lookUp(unrelated).expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody();
            assertThat(answer).contains("\"status\":\"RECEIVED\"").doesNotContain(burst.ticketNumber(), "LINKED",
                    "RESOLVED", "供水公司", "爆裂的水管已更换", "joinedTo\":{");
        }
    }

    private TicketReceipt call(String phone, String description, double lat, double lon) {
        return operatorCall(phone, description, lat, lon);
    }

    private static List<Integer> race(int requests, IntFunction<WebTestClient.ResponseSpec> request)
            throws Exception {
        List<Callable<Integer>> calls = IntStream.range(0, requests).<Callable<Integer>>mapToObj(
                i -> () -> request.apply(i).returnResult(String.class).getStatus().value()).toList();
        return Races.atOnce(calls);
    }

    private WebTestClient.ResponseSpec lookUp(String number, String token) {
        return web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("ticketNumber", number, "token", token)).exchange();
    }

    /** The citizen's look-up with the token of the link in their texts. */
    private WebTestClient.ResponseSpec lookUp(String number) {
        return lookUp(number, tokens.tokenFor(number));
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
