package org.hotline12345.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.hotline12345.contracts.CitizenRated;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.intake.FiledTicketTests;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.intake.tickets.TicketRating;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The citizen's follow page and its rating, as a citizen with the link of their texts and a stranger without it use
 * them: the page at the link's address with its policy and no referrer, and the rating of a resolution once per
 * round, published as routing and analytics read a rating texted back. Limits per address are set out of the way.
 */
@HubIntegrationTest(database = "intake-follow-page-it", properties = "hotline.intake.limits.lookups-per-address=1000")
class FollowPageIT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    /** Intake's own topic, where a rating goes for notification to make the round's answer of it. */
    static final EventTopics.Reader intakeTopic = topics.reader(Topics.INTAKE_TICKETS);

    @Test
    void servesThePageAtTheLinksAddressWithThePagesPolicyAndNoReferrer() {
        TicketReceipt ticket = call("13700000401");
        String page = web.get().uri(followLink(ticket.ticketNumber()))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"))
                .expectBody(String.class).returnResult().getResponseBody();
        // no inline script, so that the policy holds; the page reads the ticket from its address, not from here
        assertThat(page).contains("<script type=\"module\" src=\"/follow/follow.js\"></script>", "no-referrer")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContain(ticket.ticketNumber());
        // a wrong link gets the same page, which then finds nothing: the page itself tells nobody anything
        web.get().uri("/t/12345-19990101-0001.AAAAAAAAAAAAAAAA").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
        web.get().uri("/follow/follow.js").exchange().expectStatus().isOk();
        web.get().uri("/follow/follow.css").exchange().expectStatus().isOk();
    }

    @Test
    void refusesARatingWithoutTheLinkAsTheLookUpDoesAndBeforeTheTicketIsResolved() {
        TicketReceipt ticket = call("13700000402");
        String number = ticket.ticketNumber();
        String wrongToken = rate(number, "AAAAAAAAAAAAAAAA", true, "SATISFIED").expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String unknown = rate("12345-19990101-0001", tokens.tokenFor("12345-19990101-0001"), true, "SATISFIED")
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        String malformed = web.post().uri("/api/v1/public/tickets/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", "0402")).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        String lookedUp = web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", "AAAAAAAAAAAAAAAA")).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        for (String answer : List.of(wrongToken, unknown, malformed)) {
            assertThat(withoutInstance(answer)).isEqualTo(withoutInstance(lookedUp));
        }
        // the right link, before the unit answered: nothing to rate yet
        rate(number, true, "SATISFIED").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("transition")
                .jsonPath("$.currentState").isEqualTo("RECEIVED");
        // and the rating's own answers are named when missing
        web.post().uri("/api/v1/public/tickets/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", tokens.tokenFor(number))).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'solved')]").exists()
                .jsonPath("$.errors[?(@.field == 'satisfaction')]").exists();
        assertThat(publishedRatings(ticket)).isEmpty();
    }

    @Test
    void takesOneRatingPerResolutionAndPublishesItAsATextedRatingIs() {
        TicketReceipt ticket = call("13700000403");
        resolved(topics, ticket, 1);

        rate(ticket.ticketNumber(), false, "DISSATISFIED").expectStatus().isAccepted().expectBody()
                .jsonPath("$.round").isEqualTo(1);
        CitizenRated published = intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class,
                CitizenRated.class).get(0);
        assertThat(published.resolutionRound()).isEqualTo(1);
        assertThat(published.solved()).isFalse();
        assertThat(published.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);

        // a second rating of the same answer is recorded and refused, and publishes nothing
        rate(ticket.ticketNumber(), true, "SATISFIED").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.currentState").isEqualTo("RATED");
        assertThat(ratingsOf(ticket.ticketId())).extracting(TicketRating::getOutcome)
                .containsExactlyInAnyOrder("COUNTED", "IGNORED");
        assertThat(publishedRatings(ticket)).hasSize(1);

        // routing reopened it, the unit answered again: the new answer is rated on its own
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.publish(new TicketReopened(EventIds.of(ticket.ticketId(), "TicketReopened", 1), now,
                ticket.ticketId(), "WATER_CO", "NOT_SOLVED", now.plus(Duration.ofDays(3)), 1));
        awaitStatus(ticket, "REOPENED");
        rate(ticket.ticketNumber(), true, "SATISFIED").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.currentState").isEqualTo("REOPENED");
        resolved(topics, ticket, 2);
        rate(ticket.ticketNumber(), true, "BASICALLY_SATISFIED").expectStatus().isAccepted().expectBody()
                .jsonPath("$.round").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedRatings(ticket).size() == 2);
        CitizenRated second = publishedRatings(ticket).get(1);
        assertThat(second.resolutionRound()).isEqualTo(2);
        assertThat(second.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(second.eventId()).isNotEqualTo(published.eventId());
    }

    @Test
    void letsACitizenWhoseRepeatCallEscalatedTheAnswerStillRateItAsNotSolved() {
        TicketReceipt ticket = call("13700000409");
        resolved(topics, ticket, 1);
        // the problem is back, the citizen calls again: routing escalates the resolved ticket
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.publish(new TicketEscalated(EventIds.of(ticket.ticketId(), "TicketEscalated", 1), now,
                ticket.ticketId(), "WATER_CO", "ESCALATE_REPEAT", now.plus(Duration.ofHours(4))));
        awaitStatus(ticket, "ESCALATED");

        rate(ticket.ticketNumber(), false, "DISSATISFIED").expectStatus().isAccepted().expectBody()
                .jsonPath("$.round").isEqualTo(1);
        assertThat(intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class, CitizenRated.class).get(0).solved())
                .isFalse();
    }

    @Test
    void acceptsOneOfTwoRatingsRacedAtTheSameAnswer() throws Exception {
        TicketReceipt ticket = call("13700000404");
        resolved(topics, ticket, 1);

        List<Callable<Integer>> both = IntStream.range(0, 2).<Callable<Integer>>mapToObj(i -> () -> rate(
                ticket.ticketNumber(), i == 0, i == 0 ? "SATISFIED" : "DISSATISFIED").returnResult(String.class)
                .getStatus().value()).toList();
        assertThat(Races.atOnce(both)).containsExactlyInAnyOrder(202, 409);

        intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class, CitizenRated.class);
        assertThat(publishedRatings(ticket)).hasSize(1);
        assertThat(ratingsOf(ticket.ticketId())).extracting(TicketRating::getOutcome)
                .containsExactlyInAnyOrder("COUNTED", "IGNORED");
    }

    @Test
    void leavesALinkedTicketsRatingToTheTicketItJoined() {
        TicketReceipt first = call("13700000405");
        TicketReceipt again = call("13700000405");
        assertThat(again.repeatOf()).isEqualTo(first.ticketId());
        resolved(topics, first, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RESOLVED".equals(lookUpStatus(again.ticketNumber())));

        rate(again.ticketNumber(), true, "SATISFIED").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.currentState").isEqualTo("LINKED");
        // posted on the website with the caller's number, by anyone: a refusal that says nothing of the link
        String posted = web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"phone":"13700000405","description":"小区门口的水管漏水，一直在冒水，修好了吗",
                 "address":"南明区花果园大街1号","category":"WATER_SUPPLY"}""").exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("ticketNumber").toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findOne(Query.query(Criteria.where("ticketNumber")
                .is(posted)), IntakeTicket.class).block() != null);
        assertThat(mongo.findOne(Query.query(Criteria.where("ticketNumber").is(posted)), IntakeTicket.class).block()
                .getRepeatOf()).isEqualTo(first.ticketId());
        String refusal = rate(posted, true, "SATISFIED").expectStatus().isEqualTo(409).expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(refusal).contains("\"currentState\":\"RECEIVED\"").doesNotContain("LINKED", "RESOLVED");
    }

    private String lookUpStatus(String number) {
        return web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", tokens.tokenFor(number))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status")
                .toString();
    }

    private void awaitStatus(TicketReceipt ticket, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                mongo.findById(ticket.ticketId(), IntakeTicket.class).block().getStatus()));
    }

    private List<TicketRating> ratingsOf(String ticketId) {
        return mongo.find(Query.query(Criteria.where("ticketId").is(ticketId)), TicketRating.class).collectList()
                .block();
    }

    private WebTestClient.ResponseSpec rate(String number, boolean solved, String satisfaction) {
        return rate(number, tokens.tokenFor(number), solved, satisfaction);
    }

    private WebTestClient.ResponseSpec rate(String number, String token, boolean solved, String satisfaction) {
        return web.post().uri("/api/v1/public/tickets/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", token, "solved", solved,
                        "satisfaction", satisfaction, "comment", "师傅很负责")).exchange();
    }

    /** A call of its own place for each number, far enough from the others' not to be the same incident. */
    private TicketReceipt call(String phone) {
        return callOfItsOwnPlace(phone, 26.5650, 106.7050);
    }

    /** The ratings intake published for {@code ticket}, in order. */
    private static List<CitizenRated> publishedRatings(TicketReceipt ticket) {
        return intakeTopic.allEventsFor(ticket.ticketId(), IntakeEvent.class).stream()
                .filter(CitizenRated.class::isInstance).map(CitizenRated.class::cast).toList();
    }
}
