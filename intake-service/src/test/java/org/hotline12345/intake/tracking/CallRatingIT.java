package org.hotline12345.intake.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.CitizenRated;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.intake.FiledTicketTests;
import org.hotline12345.intake.tickets.CallRating;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rating of how a call was taken (受理), from the follow page: from the moment the ticket is received, once per
 * ticket however the attempts race, published as a CallRated of its own and never as a rating of the handling,
 * counted for Prometheus only when stored, and refused to a stranger exactly as the look-up refuses them. Limits per
 * address are set out of the way.
 */
@HubIntegrationTest(database = "intake-call-rating-it", properties = "hotline.intake.limits.lookups-per-address=1000")
class CallRatingIT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader intakeTopic = topics.reader(Topics.INTAKE_TICKETS);

    @Autowired
    MeterRegistry meters;

    @Test
    void takesOneRatingOfTheCallFromWhenTheTicketIsReceived() {
        TicketReceipt ticket = call("13700000501");
        double dissatisfiedBefore = callsRated("DISSATISFIED", "PHONE");
        double ratedBefore = callsRated();
        lookUp(ticket.ticketNumber()).jsonPath("$.status").isEqualTo("RECEIVED").jsonPath("$.callRated")
                .isEqualTo(false);

        rateCall(ticket.ticketNumber(), "DISSATISFIED", "  等了很久才接通  ").expectStatus().isAccepted().expectBody()
                .jsonPath("$.ticketNumber").isEqualTo(ticket.ticketNumber())
                .jsonPath("$.satisfaction").isEqualTo("DISSATISFIED");
        CallRated published = intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class, CallRated.class).get(0);
        assertThat(published.eventId()).isEqualTo(EventIds.of(ticket.ticketId(), "CallRated", 1));
        assertThat(published.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        assertThat(published.comment()).isEqualTo("等了很久才接通");
        CallRating stored = mongo.findById(ticket.ticketId(), CallRating.class).block();
        assertThat(stored.getSatisfaction()).isEqualTo("DISSATISFIED");
        assertThat(stored.getOutbox()).as("published, so nothing waits in its outbox").isEmpty();
        assertThat(callsRated("DISSATISFIED", "PHONE")).as("counted by satisfaction and the call's channel")
                .isEqualTo(dissatisfiedBefore + 1);
        assertThat(callsRated()).isEqualTo(ratedBefore + 1);

        // the page learns it is rated; the handling is untouched by it
        lookUp(ticket.ticketNumber()).jsonPath("$.callRated").isEqualTo(true).jsonPath("$.status")
                .isEqualTo("RECEIVED");
        // a second rating, however much later, is refused in words the page can tell apart, and publishes nothing
        rateCall(ticket.ticketNumber(), "SATISFIED", null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("transition")
                .jsonPath("$.currentState").isEqualTo("CALL_RATED");
        assertThat(publishedOf(ticket, CallRated.class)).hasSize(1);
        assertThat(publishedOf(ticket, CitizenRated.class)).isEmpty();
        assertThat(mongo.findById(ticket.ticketId(), CallRating.class).block().getSatisfaction())
                .isEqualTo("DISSATISFIED");
        assertThat(callsRated()).as("the refused rating is not counted").isEqualTo(ratedBefore + 1);
    }

    @Test
    void storesExactlyOneOfTwoRatingsOfTheCallRacedAtOnce() throws Exception {
        TicketReceipt ticket = call("13700000502");
        List<String> satisfactions = List.of("SATISFIED", "DISSATISFIED");
        double ratedBefore = callsRated();

        List<Callable<Integer>> both = IntStream.range(0, 2).<Callable<Integer>>mapToObj(i -> () -> rateCall(
                ticket.ticketNumber(), satisfactions.get(i), null).returnResult(String.class).getStatus().value())
                .toList();
        List<Integer> answers = Races.atOnce(both);

        assertThat(answers).containsExactlyInAnyOrder(202, 409);
        String accepted = satisfactions.get(answers.indexOf(202));
        intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class, CallRated.class);
        List<CallRated> published = publishedOf(ticket, CallRated.class);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).satisfaction().name()).isEqualTo(accepted);
        assertThat(mongo.find(Query.query(Criteria.where("_id").is(ticket.ticketId())), CallRating.class)
                .collectList().block()).extracting(CallRating::getSatisfaction).containsExactly(accepted);
        assertThat(callsRated()).as("only the stored one is counted").isEqualTo(ratedBefore + 1);
    }

    @Test
    void answersAStrangerAsTheLookUpDoesAndStoresNothing() {
        TicketReceipt ticket = call("13700000503");
        String number = ticket.ticketNumber();
        double ratedBefore = callsRated();
        String lookedUp = web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", "AAAAAAAAAAAAAAAA")).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        List<String> refusals = List.of(
                rateCall(number, "AAAAAAAAAAAAAAAA", "SATISFIED", null),
                rateCall("12345-19990101-0001", tokens.tokenFor("12345-19990101-0001"), "SATISFIED", null),
                post(Map.of("ticketNumber", number, "token", "0503", "satisfaction", "SATISFIED")),
                // an incomplete rating without the link is not found either: nothing is told before the proof
                post(Map.of("ticketNumber", number, "token", "AAAAAAAAAAAAAAAA")),
                post(Map.of("satisfaction", "SATISFIED")));
        for (String refusal : refusals) {
            assertThat(withoutInstance(refusal)).isEqualTo(withoutInstance(lookedUp));
        }
        assertThat(mongo.findById(ticket.ticketId(), CallRating.class).blockOptional()).isEmpty();

        // with the link, what is missing or too long is named
        web.post().uri("/api/v1/public/tickets/call-rating").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", tokens.tokenFor(number))).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'satisfaction')]").exists();
        rateCall(number, "SATISFIED", "很".repeat(501)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'comment')]").exists();
        assertThat(mongo.findById(ticket.ticketId(), CallRating.class).blockOptional()).isEmpty();
        assertThat(publishedOf(ticket, CallRated.class)).isEmpty();
        assertThat(callsRated()).as("nothing refused is counted").isEqualTo(ratedBefore);
    }

    @Test
    void keepsTheRatingOfTheCallApartFromTheRatingOfTheAnswerAndTakesItOfALinkedTicketToo() {
        TicketReceipt ticket = call("13700000504");
        TicketReceipt again = call("13700000504");
        assertThat(again.repeatOf()).isEqualTo(ticket.ticketId());
        resolved(topics, ticket, 1);

        web.post().uri("/api/v1/public/tickets/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", ticket.ticketNumber(), "token", tokens.tokenFor(
                        ticket.ticketNumber()), "solved", true, "satisfaction", "SATISFIED")).exchange()
                .expectStatus().isAccepted();
        rateCall(ticket.ticketNumber(), "BASICALLY_SATISFIED", null).expectStatus().isAccepted();
        // the repeat call was taken too, by whoever took it: its caller rates that call, not the answer
        rateCall(again.ticketNumber(), "SATISFIED", "接线员态度很好").expectStatus().isAccepted();

        intakeTopic.awaitEvents(ticket.ticketId(), IntakeEvent.class, CallRated.class);
        intakeTopic.awaitEvents(again.ticketId(), IntakeEvent.class, CallRated.class);
        assertThat(publishedOf(ticket, CitizenRated.class)).singleElement()
                .satisfies(rated -> assertThat(rated.satisfaction()).isEqualTo(Satisfaction.SATISFIED));
        assertThat(publishedOf(ticket, CallRated.class)).singleElement()
                .satisfies(rated -> assertThat(rated.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED));
        assertThat(publishedOf(again, CallRated.class)).hasSize(1);
        assertThat(publishedOf(again, CitizenRated.class)).isEmpty();
        // the answer's own rating is still once per resolution, whatever was said of the call
        web.post().uri("/api/v1/public/tickets/feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", ticket.ticketNumber(), "token", tokens.tokenFor(
                        ticket.ticketNumber()), "solved", true, "satisfaction", "SATISFIED")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentState").isEqualTo("RATED");
    }

    private WebTestClient.BodyContentSpec lookUp(String number) {
        return web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", number, "token", tokens.tokenFor(number))).exchange()
                .expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec rateCall(String number, String satisfaction, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("ticketNumber", number, "token",
                tokens.tokenFor(number), "satisfaction", satisfaction));
        if (comment != null) {
            body.put("comment", comment);
        }
        return web.post().uri("/api/v1/public/tickets/call-rating").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** The 404 a stranger gets for a rating of the call. */
    private String rateCall(String number, String token, String satisfaction, String comment) {
        return post(comment == null ? Map.of("ticketNumber", number, "token", token, "satisfaction", satisfaction)
                : Map.of("ticketNumber", number, "token", token, "satisfaction", satisfaction, "comment", comment));
    }

    private String post(Map<String, Object> body) {
        return web.post().uri("/api/v1/public/tickets/call-rating").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isNotFound().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    /** The ratings of calls stored so far, as {@code hotline_calls_rated_total} reports them. */
    private double callsRated() {
        return meters.find("hotline.calls.rated").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The ratings of calls stored so far at {@code satisfaction}, of calls that came in on {@code channel}. */
    private double callsRated(String satisfaction, String channel) {
        Counter counter = meters.find("hotline.calls.rated").tag("satisfaction", satisfaction).tag("channel", channel)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /** A call of its own place for each number, far enough from the others' not to be the same incident. */
    private TicketReceipt call(String phone) {
        return callOfItsOwnPlace(phone, 26.5750, 106.7150);
    }

    /** The events of {@code type} intake published for {@code ticket}, in order. */
    private static <T extends IntakeEvent> List<T> publishedOf(TicketReceipt ticket, Class<T> type) {
        return intakeTopic.allEventsFor(ticket.ticketId(), IntakeEvent.class).stream().filter(type::isInstance)
                .map(type::cast).toList();
    }
}
