package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.KnowledgeAnswer;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

@HubIntegrationTest(database = "intake-it")
class CallIntakeIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String CALL = """
            {"callerPhone":"138-1234-5678","callerName":"张先生","description":"楼下烧烤店每晚十二点后还很吵",
             "address":"云岩区中华北路18号","location":{"lat":26.5785,"lon":106.7135},"category":"NOISE"}""";

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    TicketRegistration registration;
    @Autowired
    JsonMapper json;
    @Autowired
    ContactSealer sealer;
    @Autowired
    IdempotencyKeys keys;
    @Autowired
    TicketNumbers numbers;

    EventTopics topics;
    EventTopics.Reader reader;

    @BeforeEach
    void subscribe() {
        topics = new EventTopics(infra.kafka());
        reader = topics.reader(Topics.INTAKE_TICKETS);
    }

    @AfterEach
    void close() {
        reader.close();
        topics.close();
    }

    /**
     * The call from a caller of its own, at a place of its own (about 280 m from the others), so that no test's
     * call repeats another's or is merged into another's incident.
     */
    static String callFrom(String last4) {
        String lat = String.valueOf(26.55 + Integer.parseInt(last4) % 16 * 0.0025);
        return CALL.replace("138-1234-5678", "138-1234-" + last4).replace("26.5785", lat);
    }

    @Test
    void registersACallAndPublishesTicketReceivedWithoutThePhoneInTheClear() {
        TicketReceipt receipt = post(callFrom("5601"), operator()).expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/intake/tickets/.+")
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(receipt.ticketNumber()).matches("12345-\\d{8}-\\d{4}");
        assertThat(receipt.status()).isEqualTo("RECEIVED");
        ConsumerRecord<String, byte[]> record = awaitRecordFor(receipt.ticketId());
        String json = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("13812345601").doesNotContain("张先生");
        TicketReceived event = (TicketReceived) EventCodec.read(record.value(), IntakeEvent.class);
        assertThat(event.ticketNumber()).isEqualTo(receipt.ticketNumber());
        assertThat(event.category()).isEqualTo("NOISE");
        assertThat(event.citizen().maskedPhone()).isEqualTo("138****5601");
        assertThat(event.address().district()).isEqualTo("YUNYAN");
        assertThat(event.address().street()).isEqualTo("ZHONGHUA_N");
        assertThat(event.location().lat()).isCloseTo(26.5525, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.hotline12345.TicketReceived");
        Document stored = mongo.findById(receipt.ticketId(), Document.class, "tickets").block();
        assertThat(stored.toJson()).doesNotContain("13812345601").doesNotContain("张先生");
        assertThat(stored.getList("outbox", Object.class)).isEmpty();
    }

    @Test
    void showsTheRegisteredTicketToOperatorsWithTheNumberMasked() {
        TicketReceipt receipt = post(callFrom("5602"), operator()).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        web.get().uri("/api/v1/intake/tickets/{id}", receipt.ticketId())
                .headers(h -> h.setBearerAuth(operator())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ticketNumber").isEqualTo(receipt.ticketNumber())
                .jsonPath("$.maskedPhone").isEqualTo("138****5602");
    }

    @Test
    void refusesBadCallsNamingEachFieldAndStoresAndPublishesNothing() {
        long ticketsBefore = tickets();
        long recordsBefore = recordsOnIntakeTopic();

        post("""
                {"callerPhone":"12345","description":"","category":"NOISY"}""", operator())
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("description").contains("category"));
        post("""
                {"callerPhone":"12345","description":"路灯坏了三天了","address":"市西路"}""", operator())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("callerPhone");
        post(CALL.replace("\"category\"", "\"colour\":\"red\",\"category\""), operator())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("colour");
        post("{not json", operator()).expectStatus().isBadRequest();

        assertThat(tickets()).isEqualTo(ticketsBefore);
        assertThat(recordsOnIntakeTopic()).isEqualTo(recordsBefore);
    }

    @Test
    void registersAQuestionAnsweredOnTheSpotWithoutAnyPlaceButAsksADispatchedCallWhere() {
        String question = """
                {"callerPhone":"138-1234-5610","description":"请问医保卡丢了去哪里补办","category":"SOCIAL_SECURITY",
                 "resolvedOnCall":true,"answerGiven":"带身份证到就近的社保服务窗口当场补办"}""";

        TicketReceipt receipt = post(question, operator()).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(receipt.status()).isEqualTo("RESOLVED_AT_INTAKE");
        TicketReceived event = (TicketReceived) EventCodec.read(awaitRecordFor(receipt.ticketId()).value(),
                IntakeEvent.class);
        assertThat(event.resolvedOnCall()).isTrue();
        assertThat(event.answerGiven()).isEqualTo("带身份证到就近的社保服务窗口当场补办");
        assertThat(event.location()).isNull();
        assertThat(event.address()).isNull();
        // the same words to be dispatched need a place to send someone to
        post(question.replace("\"resolvedOnCall\":true", "\"resolvedOnCall\":false"), operator())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("location"));
    }

    @Test
    void recordsTheKnowledgeArticleAnOperatorAnsweredTheCallWithAndOnlyForACallAnsweredOnTheSpot() {
        String answered = """
                {"callerPhone":"138-1234-5611","description":"社保卡丢了怎么补办","category":"SOCIAL_SECURITY",
                 "resolvedOnCall":true,"answerGiven":"带身份证到社保服务大厅补办","answeredFromArticle":"KB-CARD-002",
                 "answeredFromVersion":1}""";

        TicketReceipt receipt = post(answered, operator()).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        TicketReceived event = (TicketReceived) EventCodec.read(awaitRecordFor(receipt.ticketId()).value(),
                IntakeEvent.class);
        assertThat(event.answeredFrom()).isEqualTo(new KnowledgeAnswer("KB-CARD-002", 1));
        assertThat(event.operator()).as("who took the call, for each operator's 直办 rate").isEqualTo("operator-1");
        long ticketsBefore = tickets();
        long recordsBefore = recordsOnIntakeTopic();
        // an article answers a question on the spot; a dispatched call was answered from none
        post(answered.replace("\"resolvedOnCall\":true", "\"resolvedOnCall\":false")
                        .replace("\"category\"", "\"address\":\"云岩区中华北路18号\",\"category\""), operator())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("answeredFromArticle");
        post(answered.replace("\"answeredFromVersion\":1", "\"answeredFromVersion\":null"), operator())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("answeredFromVersion");
        // the article must be one callers may be answered with today, in a version that was published: not one
        // that does not exist, a version never published, or an article past its last day
        for (String wrong : List.of(answered.replace("KB-CARD-002", "KB-NOT-THERE"),
                answered.replace("\"answeredFromVersion\":1", "\"answeredFromVersion\":2"),
                answered.replace("KB-CARD-002", "KB-WATER-016"))) {
            post(wrong, operator()).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("answeredFromArticle")
                    .jsonPath("$.errors[0].code").isEqualTo("not-answering");
        }
        assertThat(tickets()).isEqualTo(ticketsBefore);
        assertThat(recordsOnIntakeTopic()).isEqualTo(recordsBefore);
    }

    @Test
    void carriesTheCallersWishForTheAnswerByTextOnItsTicketReceivedAndRefusesItForADispatchedCall() {
        String answered = """
                {"callerPhone":"138-1234-5613","description":"社保卡丢了怎么补办","category":"SOCIAL_SECURITY",
                 "resolvedOnCall":true,"answerGiven":"带身份证到社保服务大厅补办","textAnswer":true}""";

        TicketReceipt receipt = post(answered, operator()).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        TicketReceived event = (TicketReceived) EventCodec.read(awaitRecordFor(receipt.ticketId()).value(),
                IntakeEvent.class);
        assertThat(event.textAnswer()).isTrue();
        assertThat(event.answerByText()).isTrue();
        assertThat(event.answerGiven()).isEqualTo("带身份证到社保服务大厅补办");
        post(answered.replace("\"resolvedOnCall\":true", "\"resolvedOnCall\":false")
                        .replace("\"category\"", "\"address\":\"云岩区中华北路18号\",\"category\""), operator())
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("textAnswer")
                .jsonPath("$.errors[0].code").isEqualTo("answered-on-call-only");
    }

    @Test
    void refusesCallersWithoutTokenOrRole() {
        long ticketsBefore = tickets();

        web.post().uri("/api/v1/calls").contentType(MediaType.APPLICATION_JSON).bodyValue(CALL).exchange()
                .expectStatus().isUnauthorized();
        post(CALL, infra.tokens().mint("analyst-1", "ANALYST")).expectStatus().isForbidden();
        post(CALL, "not-a-token").expectStatus().isUnauthorized();

        assertThat(tickets()).isEqualTo(ticketsBefore);
    }

    @Test
    void givesTheSameTicketForARetriedRequestAndRefusesAReusedKey() {
        String key = UUID.randomUUID().toString();

        TicketReceipt first = postWithKey(CALL, key).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt retry = postWithKey(CALL, key).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        postWithKey(CALL.replace("很吵", "很吵很吵"), key).expectStatus().isEqualTo(422);

        assertThat(retry.ticketId()).isEqualTo(first.ticketId());
        assertThat(retry.ticketNumber()).isEqualTo(first.ticketNumber());
    }

    @Test
    void makesOneTicketAndOneEventOfFiftyRequestsRacingWithOneKey(@LocalServerPort int port) {
        String key = UUID.randomUUID().toString();
        String body = callFrom("5611");
        String token = operator();
        long ticketsBefore = tickets();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);

        List<TicketReceipt> receipts = Flux.range(0, 50)
                .flatMap(i -> client.post().uri("/api/v1/calls").headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", key);
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve()
                        .toEntity(TicketReceipt.class), 50)
                .map(response -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(202);
                    return response.getBody();
                })
                .collectList().block(Duration.ofSeconds(60));

        assertThat(receipts).hasSize(50).extracting(TicketReceipt::ticketId).containsOnly(receipts.get(0).ticketId());
        assertThat(reader.readToEnd()).map(r -> EventCodec.read(r.value(), IntakeEvent.class))
                .filteredOn(event -> event instanceof TicketReceived received
                        && "138****5611".equals(received.citizen().maskedPhone()))
                .extracting(IntakeEvent::ticketId).containsExactly(receipts.get(0).ticketId());
        assertThat(tickets()).isEqualTo(ticketsBefore + 1);
    }

    /**
     * Calls arriving together are stored together: each key still makes one ticket, each ticket gets its own number,
     * and each stored original is findable by the incident check of a later call.
     */
    @Test
    void storesFortyCallsArrivingTogetherOncePerKeyAndLinksALaterCallToAnyOfThem(@LocalServerPort int port) {
        String token = operator();
        long ticketsBefore = tickets();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<String> clientKeys = Flux.range(0, 20).map(i -> UUID.randomUUID().toString()).collectList().block();

        // every key sent twice at once, each call from a number and a place of its own, 300 m apart
        List<TicketReceipt> receipts = Flux.range(0, 40)
                .flatMap(i -> client.post().uri("/api/v1/calls").headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", clientKeys.get(i % 20));
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(spreadCall(i % 20)).retrieve()
                        .toEntity(TicketReceipt.class), 40)
                .map(response -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(202);
                    return response.getBody();
                })
                .collectList().block(Duration.ofSeconds(60));

        assertThat(receipts).extracting(TicketReceipt::ticketId).doesNotContainNull().hasSize(40);
        assertThat(receipts.stream().map(TicketReceipt::ticketId).distinct()).hasSize(20);
        assertThat(receipts.stream().map(TicketReceipt::ticketNumber).distinct()).hasSize(20);
        assertThat(tickets()).isEqualTo(ticketsBefore + 20);
        String seventh = keys.ticketIdFor("PHONE:" + clientKeys.get(7));
        assertThat(receipts).extracting(TicketReceipt::ticketId).contains(seventh);
        TicketReceipt nearby = post(spreadCall(7).replace("139-8800-0007", "137-0000-0707")
                .replace("\"lat\":26.6", "\"lat\":26.6004"), token).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        assertThat(nearby.parentIncidentId()).as("linked to the grouped original 45 m away").isEqualTo(seventh);
    }

    private static String spreadCall(int i) {
        return CALL.replace("138-1234-5678", "139-8800-%04d".formatted(i)).replace("26.5785", "26.6")
                .replace("106.7135", String.valueOf(106.9 + i * 0.003));
    }

    @Test
    void finishesTheRegistrationOfAKeyWhoseFirstRequestDiedHalfWay() {
        String key = UUID.randomUUID().toString();
        String body = callFrom("5612");
        String ticketId = keys.ticketIdFor("PHONE:" + key);
        // the first attempt had claimed the caller's place in the repeat check, under the key's ticket, and died
        // before the ticket was stored
        Instant claimedAt = Instant.now().minusSeconds(60);
        mongo.insert(new Document("_id", sealer.hash("+8613812345612") + "|NOISE").append("ticketId", ticketId)
                .append("lastAt", claimedAt).append("expiresAt", claimedAt.plus(Duration.ofDays(7))),
                "open_callers").block();

        TicketReceipt retry = postWithKey(body, key).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt again = postWithKey(body, key).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(retry.ticketId()).isEqualTo(ticketId);
        assertThat(retry.repeatOf()).as("not a repeat of itself").isNull();
        assertThat(again.ticketNumber()).as("one key, one ticket, one number").isEqualTo(retry.ticketNumber());
        assertThat(awaitRecordFor(ticketId).key()).isEqualTo(ticketId);
    }

    @Test
    void doesNotLinkACallToTheTicketOfARegistrationThatDiedBeforeStoringIt() {
        String body = callFrom("5613");
        String phoneHash = sealer.hash("+8613812345613");
        // a registration without a key claimed the caller's place in the repeat check three minutes ago and died
        // before its ticket was stored: the entry names a ticket that does not exist
        Instant claimedAt = Instant.now().minus(TicketLinks.CLAIM_SETTLES_WITHIN).minusSeconds(60);
        mongo.insert(new Document("_id", phoneHash + "|NOISE").append("ticketId", UUID.randomUUID().toString())
                .append("lastAt", claimedAt).append("expiresAt", claimedAt.plus(Duration.ofDays(7)))
                .append("claimedAt", claimedAt), "open_callers").block();

        TicketReceipt next = post(body, operator()).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt later = post(body, operator()).expectStatus().isAccepted()
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(next.repeatOf()).as("no repeat of a ticket never stored").isNull();
        assertThat(later.repeatOf()).as("the caller's next call repeats the stored one").isEqualTo(next.ticketId());
        assertThat(entryOf(phoneHash).getString("ticketId")).isEqualTo(next.ticketId());
    }

    /**
     * Two intake instances (each with its own groups) take calls from one number at once, several in each group: of
     * each number's calls exactly one becomes the original and every other repeats it, whichever instance wrote the
     * caller's entry first.
     */
    @Test
    void makesOneOriginalOfCallsFromOneNumberRacingThroughTwoInstances() throws Exception {
        TicketLinks one = new TicketLinks(mongo);
        TicketLinks other = new TicketLinks(mongo);
        int numbers = 6;
        int callsEach = 8;
        List<Callable<Repeat>> calls = new ArrayList<>();
        for (int n = 0; n < numbers; n++) {
            String phoneHash = "race-" + UUID.randomUUID();
            for (int i = 0; i < callsEach; i++) {
                TicketLinks instance = i % 2 == 0 ? one : other;
                String ticketId = UUID.randomUUID().toString();
                calls.add(() -> new Repeat(phoneHash, ticketId, instance.repeatOf(phoneHash, "NOISE", ticketId,
                        Instant.now()).block(Duration.ofSeconds(30))));
            }
        }

        Map<String, List<Repeat>> byNumber = Races.atOnce(calls).stream()
                .collect(Collectors.groupingBy(Repeat::phoneHash));

        assertThat(byNumber).hasSize(numbers).allSatisfy((phoneHash, answered) -> {
            List<Repeat> originals = answered.stream().filter(r -> r.repeatOf() == null).toList();
            assertThat(originals).as("one original of %s", phoneHash).hasSize(1);
            String original = originals.get(0).ticketId();
            assertThat(answered).filteredOn(r -> r.repeatOf() != null).hasSize(callsEach - 1)
                    .allSatisfy(r -> assertThat(r.repeatOf()).isEqualTo(original));
            assertThat(entryOf(phoneHash).getString("ticketId")).isEqualTo(original);
        });
    }

    /**
     * A number's entry that outlived the window, met by calls racing through two instances: exactly one of them
     * becomes the new original, and none repeats the old ticket.
     */
    @Test
    void makesOneNewOriginalOfRacingCallsThatFindTheCallersEntryOutlived() throws Exception {
        String phoneHash = "outlived-" + UUID.randomUUID();
        Instant lastCall = Instant.now().minus(Duration.ofDays(8));
        mongo.insert(new Document("_id", phoneHash + "|NOISE").append("ticketId", "old").append("lastAt", lastCall)
                .append("expiresAt", lastCall.plus(Duration.ofDays(7))), "open_callers").block();
        List<Repeat> answered = tenCallsRacingThroughTwoInstances(phoneHash);

        List<Repeat> originals = answered.stream().filter(r -> r.repeatOf() == null).toList();
        assertThat(originals).hasSize(1);
        assertThat(answered).extracting(Repeat::repeatOf).doesNotContain("old");
        assertThat(entryOf(phoneHash).getString("ticketId")).isEqualTo(originals.get(0).ticketId());
    }

    /**
     * A number's entry naming a ticket that was never stored (its registration died long enough ago), met by calls
     * racing through two instances: exactly one of them takes its place, the others repeat that one, none the
     * ticket that does not exist.
     */
    @Test
    void makesOneNewOriginalOfRacingCallsThatFindTheCallersEntryNamingNothing() throws Exception {
        String phoneHash = "named-nothing-" + UUID.randomUUID();
        Instant claimedAt = Instant.now().minus(TicketLinks.CLAIM_SETTLES_WITHIN).minusSeconds(60);
        mongo.insert(new Document("_id", phoneHash + "|NOISE").append("ticketId", "never-stored")
                .append("lastAt", claimedAt).append("expiresAt", claimedAt.plus(Duration.ofDays(7)))
                .append("claimedAt", claimedAt), "open_callers").block();
        List<Repeat> answered = tenCallsRacingThroughTwoInstances(phoneHash);

        List<Repeat> originals = answered.stream().filter(r -> r.repeatOf() == null).toList();
        assertThat(originals).hasSize(1);
        assertThat(answered).filteredOn(r -> r.repeatOf() != null).hasSize(9)
                .allSatisfy(r -> assertThat(r.repeatOf()).isEqualTo(originals.get(0).ticketId()));
        assertThat(entryOf(phoneHash).getString("ticketId")).isEqualTo(originals.get(0).ticketId());
    }

    /** Ten calls from one number at once, through two intake instances, each with its own groups. */
    private List<Repeat> tenCallsRacingThroughTwoInstances(String phoneHash) throws Exception {
        TicketLinks one = new TicketLinks(mongo);
        TicketLinks other = new TicketLinks(mongo);
        List<Callable<Repeat>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TicketLinks instance = i % 2 == 0 ? one : other;
            String ticketId = UUID.randomUUID().toString();
            calls.add(() -> new Repeat(phoneHash, ticketId, instance.repeatOf(phoneHash, "NOISE", ticketId,
                    Instant.now()).block(Duration.ofSeconds(30))));
        }
        return Races.atOnce(calls);
    }

    private Document entryOf(String phoneHash) {
        return mongo.findById(phoneHash + "|NOISE", Document.class, "open_callers").block();
    }

    private record Repeat(String phoneHash, String ticketId, String repeatOf) {
    }
    @Test
    void numbersTicketsOneAfterAnother() {
        TicketReceipt a = post(CALL, operator()).expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt b = post(CALL, operator()).expectBody(TicketReceipt.class).returnResult().getResponseBody();

        int seqA = Integer.parseInt(a.ticketNumber().substring(a.ticketNumber().lastIndexOf('-') + 1));
        int seqB = Integer.parseInt(b.ticketNumber().substring(b.ticketNumber().lastIndexOf('-') + 1));
        assertThat(seqB).isGreaterThan(seqA);
    }

    /**
     * A stalled database holds many calls on one reservation of numbers; when it answers, more calls wait than the
     * block has numbers, and the rest must reserve the next block rather than go round the one just finished (which
     * overflowed the stack and left the calls unanswered for good).
     */
    @Test
    void givesEveryCallWaitingOnOneReservationANumberOfItsOwn() {
        int waiting = TicketNumbers.BLOCK * 5;

        List<String> given = Flux.range(0, waiting).flatMap(i -> numbers.next(), waiting).collectList()
                .block(Duration.ofSeconds(30));

        assertThat(given).hasSize(waiting).doesNotHaveDuplicates();
    }

    private WebTestClient.ResponseSpec post(String body, String token) {
        return web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec postWithKey(String body, String key) {
        return web.post().uri("/api/v1/calls").headers(h -> {
            h.setBearerAuth(operator());
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String operator() {
        return infra.tokens().mint("operator-1", "OPERATOR");
    }

    private long tickets() {
        return mongo.getCollection("tickets").flatMap(c -> reactor.core.publisher.Mono.from(c.estimatedDocumentCount()))
                .block();
    }

    private long recordsOnIntakeTopic() {
        return topics.recordsOn(List.of(Topics.INTAKE_TICKETS));
    }

    private ConsumerRecord<String, byte[]> awaitRecordFor(String ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.recordsFor(ticketId).isEmpty());
        return reader.recordsFor(ticketId).get(0);
    }
}
