package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.platform.PlatformTestApplication.Parcel;
import org.hotline12345.platform.messaging.OutgoingEvent;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.outbox.OutboxSweeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import java.util.List;
import java.util.stream.IntStream;
import org.hotline12345.platform.messaging.Delivery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PlatformIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "platform-it");
    }

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxSweeper sweeper;

    EventTopics.Reader reader;

    @BeforeEach
    void subscribe() {
        reader = new EventTopics(infra.kafka()).reader(Topics.ROUTING_TICKETS);
    }

    @AfterEach
    void close() {
        reader.close();
    }

    @Test
    void relayPublishesPendingEventsWithCloudEventHeadersThenClearsThem() {
        String id = UUID.randomUUID().toString();
        mongo.save(Parcel.accepted(id)).block();

        relay.flush(Parcel.class, id).block(Duration.ofSeconds(15));

        ConsumerRecord<String, byte[]> record = awaitRecordFor(id);
        assertThat(header(record, "ce_type")).isEqualTo("org.hotline12345.TicketAccepted");
        assertThat(header(record, "ce_source")).isEqualTo("/hotline/platform-test");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"type\":\"TicketAccepted\"");
        Parcel stored = mongo.findById(id, Parcel.class).block();
        assertThat(stored.getOutbox()).isEmpty();
        assertThat(stored.state).isEqualTo("ACCEPTED");
    }

    @Test
    void relayPublishesEveryDocumentOfManyCallersAtOnceExactlyOnceAndClearsThemAll() {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> UUID.randomUUID().toString()).toList();
        List<Parcel> saved = Flux.fromIterable(ids).map(Parcel::accepted).concatMap(mongo::save).collectList()
                .block();

        // two hundred callers at once, as requests and consumer batches hand documents over
        List<Delivery> outcomes = Flux.fromIterable(saved)
                .flatMap(parcel -> Mono.defer(() -> relay.publish(Parcel.class, parcel))
                        .subscribeOn(Schedulers.parallel()), 200)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(ids.size()).containsOnly(Delivery.COMMITTED);
        // committed before the callers were answered, so they are on the topic now
        Map<String, Long> published = reader.readToEnd().stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(ids).allSatisfy(id -> assertThat(published.get(id)).as("records of %s", id).isEqualTo(1L));
        assertThat(mongo.find(Query.query(Criteria.where("_id").in(ids)), Parcel.class).collectList().block())
                .hasSize(ids.size()).allSatisfy(parcel -> {
                    assertThat(parcel.getOutbox()).isEmpty();
                    assertThat(parcel.getOutboxSince()).isNull();
                });
    }

    @Test
    void clearsOnlyThePublishedEventsOfADocumentThatStagedMoreSinceItWasHandedOver() {
        String id = UUID.randomUUID().toString();
        Parcel handedOver = mongo.save(Parcel.accepted(id)).block();
        Parcel later = mongo.findById(id, Parcel.class).block();
        later.state = "ASSIGNED";
        later.stage(new TicketAccepted(EventIds.of(id, "TicketAccepted", 2), Instant.now(), id, "WATER_CO", true));
        mongo.save(later).block();

        // the hand-over of the first save reaches the relay after the second save
        assertThat(relay.publish(Parcel.class, handedOver).block(Duration.ofSeconds(15)))
                .isEqualTo(Delivery.COMMITTED);

        Parcel stored = mongo.findById(id, Parcel.class).block();
        assertThat(stored.getOutbox()).as("the event staged since stays for its own publishing")
                .extracting(OutgoingEvent::eventId).containsExactly(EventIds.of(id, "TicketAccepted", 2));
        assertThat(stored.getOutboxSince()).as("still marked as waiting, so that the sweep finds it").isNotNull();
        assertThat(stored.state).isEqualTo("ASSIGNED");

        relay.flush(Parcel.class, id).block(Duration.ofSeconds(15));
        Parcel cleared = mongo.findById(id, Parcel.class).block();
        assertThat(cleared.getOutbox()).isEmpty();
        assertThat(cleared.getOutboxSince()).isNull();
    }

    @Test
    void sweepUnmarksADocumentLeftMarkedAsWaitingWithNothingToPublish() {
        String id = UUID.randomUUID().toString();
        Parcel emptied = new Parcel(id, "ACCEPTED");
        // as a clear that stopped between its two writes leaves it
        emptied.setOutboxSince(Instant.now().minus(Duration.ofHours(1)));
        mongo.save(emptied).block();

        sweeper.runOnce().block(Duration.ofSeconds(30));

        Parcel stored = mongo.findById(id, Parcel.class).block();
        assertThat(stored.getOutboxSince()).as("no longer waiting, so no sweep claims it again").isNull();
        assertThat(stored.getOutboxLease()).isNull();
        assertThat(stored.state).isEqualTo("ACCEPTED");
    }

    @Test
    void sweepRepublishesWhatACrashLeftInTheOutbox() {
        String id = UUID.randomUUID().toString();
        mongo.save(Parcel.accepted(id)).block();

        Long swept = sweeper.runOnce().block(Duration.ofSeconds(30));

        assertThat(swept).isPositive();
        assertThat(awaitRecordFor(id).key()).isEqualTo(id);
        assertThat(mongo.findById(id, Parcel.class).block().getOutbox()).isEmpty();
    }

    @Test
    void answersRequestsWithoutATokenWith401Problem() {
        web.post().uri("/notes").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void refusesATokenMeantForAnotherApplicationOrFromAnotherIssuer() {
        String otherAudience = infra.tokens().forAudience("city-parking-app").mint("admin-1", "OPERATOR");
        String otherIssuer = infra.tokensIssuedBy("another-realm").mint("admin-1", "OPERATOR");

        for (String token : List.of(otherAudience, otherIssuer)) {
            web.post().uri("/notes").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}")
                .exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void answersATokenWithoutTheRoleWith403Problem() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(infra.tokens().mint("analyst-1", "ANALYST")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403).jsonPath("$.code").isEqualTo("forbidden");
    }

    @Test
    void acceptsAValidRequestFromTheRightRole() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\",\"category\":\"NOISE\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.text").isEqualTo("hi");
    }

    @Test
    void namesEachInvalidField() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"\",\"category\":\"noise!\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[0].code").isEqualTo("format")
                .jsonPath("$.errors[0].message").isNotEmpty()
                .jsonPath("$.errors[1].field").isEqualTo("text")
                .jsonPath("$.errors[1].code").isEqualTo("required");
    }

    @Test
    void codesEachBrokenConstraintByItsRule() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"" + "x".repeat(21) + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("text")
                .jsonPath("$.errors[0].code").isEqualTo("size");
    }

    @Test
    void codesTheDomainsOwnRefusalsPerField() {
        web.post().uri("/notes/n-1/send").headers(h -> h.setBearerAuth(operator())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation")
                .jsonPath("$.errors[0].field").isEqualTo("callerPhone")
                .jsonPath("$.errors[0].code").isEqualTo("phone")
                .jsonPath("$.errors[0].message").isEqualTo("is not a possible mainland China phone number")
                .jsonPath("$.errors[1].field").isEqualTo("location")
                .jsonPath("$.errors[1].code").isEqualTo("location-required");
        web.post().uri("/notes/n-1/archive").headers(h -> h.setBearerAuth(operator())).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("shelf")
                .jsonPath("$.errors[0].code").isEqualTo("invalid")
                .jsonPath("$.errors[0].message").isEqualTo("is full");
    }

    @Test
    void namesAnUnknownField() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\",\"colour\":\"red\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("colour")
                .jsonPath("$.errors[0].code").isEqualTo("unknown-field")
                .jsonPath("$.errors[0].message").isEqualTo("is not a known field");
    }

    @Test
    void refusesMalformedJsonWithAProblem() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unreadable");
    }

    @Test
    void refusesATooLargeBodyWith413() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"" + "x".repeat(2_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("too-large");
    }

    @Test
    void refusesATooLargeChunkedBodyWith413() {
        // no declared length: the body arrives in chunks, as a client streaming it sends it
        Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                (i == 0 ? "{\"text\":\"" + "x".repeat(99) : "x".repeat(100)).getBytes(StandardCharsets.UTF_8)));

        web.post().uri("/notes").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void takesAnUploadUpToTheUploadsBoundOnTheirPathsOnly() {
        web.post().uri("/uploads").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[3_000])
                .exchange()
                .expectStatus().isOk().expectBody(Long.class).isEqualTo(3_000L);
        web.post().uri("/uploads").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[5_000])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // chunked, with no declared length, it is cut off at the uploads' bound as well
        Flux<DataBuffer> chunks = Flux.range(0, 50).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                new byte[100]));
        web.post().uri("/uploads").headers(h -> h.setBearerAuth(operator()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413);
    }

    @Test
    void answersUnknownResourcesWith404NamingTheKindButNotTheId() {
        web.get().uri("/notes/n-4711").headers(h -> h.setBearerAuth(operator())).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("not-found")
                .jsonPath("$.resource").isEqualTo("Note")
                .jsonPath("$.detail").isEqualTo("The note was not found.");
    }

    @Test
    void answersForbiddenTransitionsWith409NamingTheStateAndTheAction() {
        web.post().uri("/notes/n-1/close").headers(h -> h.setBearerAuth(operator())).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("transition")
                .jsonPath("$.currentState").isEqualTo("CLOSED")
                .jsonPath("$.action").isEqualTo("CLOSE")
                .jsonPath("$.rule").isEqualTo("only an open note can be closed");
    }

    @Test
    void servesTheIconToAnyone() {
        web.get().uri("/favicon.ico").exchange()
                .expectStatus().isOk()
                .expectBody().consumeWith(answer -> assertThat(answer.getResponseBody()).isNotEmpty());
    }

    @Test
    void letsAnyoneCallPublicPathsAndHealthButNotMetrics() {
        web.get().uri("/public/ping").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        web.get().uri("/actuator/env").headers(h -> h.setBearerAuth(infra.tokens().mint("admin", "ADMIN")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheApplication() {
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(infra.tokens().mint("admin", "ADMIN")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"platform-test\""));
    }

    @Test
    void reportsMongoHealthByPing() {
        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(infra.tokens().mint("admin", "ADMIN")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    private String operator() {
        return infra.tokens().mint("operator-1", "OPERATOR");
    }

    private ConsumerRecord<String, byte[]> awaitRecordFor(String ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.recordsFor(ticketId).isEmpty());
        return reader.recordsFor(ticketId).get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return EventTopics.Reader.header(record, name);
    }
}
