package org.hotline12345.analytics.overview;

import org.hotline12345.referencedata.City;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.tables.CityCalendar;
import org.hotline12345.analytics.rollups.RollupRefresh;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Each test counts tickets on its own day far in the past, so the tests do not see each other's tickets.
 */
@HubIntegrationTest(database = "analytics-it", properties = "hotline.analytics.rollup-interval=1s")
class OverviewIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @Autowired
    WebTestClient web;
    @Autowired
    FactRecorder facts;
    @Autowired
    RollupRefresh refresh;

    @Test
    void countsReceivedAssignedAndAcceptedTicketsOfTheDay() {
        LocalDate day = LocalDate.of(2024, 3, 1);
        Instant at = day.atTime(10, 0).atZone(City.sample().zone()).toInstant();
        TicketReceived first = received(at);
        TicketReceived second = received(at.plusSeconds(60));
        topics.publish(first);
        topics.publish(second);
        topics.publish(assigned(first, at.plusSeconds(5)));
        topics.publish(TicketEvents.ticket(first.ticketId()).accepted(at.plusSeconds(600), true));

        awaitOverview(day, "{\"received\":2,\"assigned\":1,\"accepted\":1,\"acceptedOnTime\":1,\"resolved\":0}");
    }

    @Test
    void countsEachEventOnceHoweverOftenAndInWhateverOrderItArrives() {
        LocalDate day = LocalDate.of(2024, 3, 2);
        Instant at = day.atTime(23, 30).atZone(City.sample().zone()).toInstant();
        TicketReceived received = received(at);
        TicketRejected rejected = TicketEvents.ticket(received.ticketId()).rejected(at.plusSeconds(60), "NOT_OURS");
        topics.publish(assigned(received, at.plusSeconds(5)));
        topics.publish(rejected);
        topics.publish(rejected);
        topics.publish(received);
        topics.publish(received);

        awaitOverview(day, "{\"received\":1,\"assigned\":1,\"returns\":1}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                infra.kafka().hasConsumedAll("analytics", Topics.INTAKE_TICKETS)
                        && infra.kafka().hasConsumedAll("analytics", Topics.ROUTING_TICKETS));
        overview(day).expectBody().json("{\"received\":1,\"assigned\":1,\"returns\":1}");
    }

    @Test
    void countsBothEventsWhenTheyCreateOneTicketsFactAtOnce() {
        LocalDate day = LocalDate.of(2024, 3, 3);
        Instant at = day.atTime(11, 0).atZone(City.sample().zone()).toInstant();
        List<TicketReceived> tickets = IntStream.range(0, 100).mapToObj(i -> received(at.plusSeconds(i))).toList();

        List<Boolean> applied = Flux.fromIterable(tickets)
                .flatMap(ticket -> Flux.merge(facts.record(ticket).subscribeOn(Schedulers.parallel()),
                        facts.record(assigned(ticket, at.plusSeconds(60))).subscribeOn(Schedulers.parallel())))
                .collectList().block(Duration.ofSeconds(60));

        assertThat(applied).hasSize(200).containsOnly(true);
        awaitOverview(day, "{\"received\":100,\"assigned\":100}");
    }

    @Test
    void letsOnePassAtATimeCountTheRollupsAgain() {
        LocalDate day = LocalDate.of(2024, 3, 4);
        Instant at = day.atTime(9, 0).atZone(City.sample().zone()).toInstant();
        IntStream.range(0, 5).forEach(i -> facts.record(received(at.plusSeconds(i))).block());

        List<Long> passes = Flux.merge(refresh.runOnce().subscribeOn(Schedulers.parallel()),
                refresh.runOnce().subscribeOn(Schedulers.parallel())).collectList().block(Duration.ofSeconds(30));

        assertThat(passes).hasSizeLessThanOrEqualTo(1);
        awaitOverview(day, "{\"received\":5}");
    }

    @Test
    void countsTheVolumeByHourAndCategoryAgainstThePeriodBefore() {
        LocalDate day = LocalDate.of(2024, 3, 10);
        Instant nine = day.atTime(9, 15).atZone(City.sample().zone()).toInstant();
        topics.publish(received(nine));
        topics.publish(received(nine.plusSeconds(600)));
        topics.publish(received(nine.plusSeconds(3 * 3_600)));
        topics.publish(received(day.minusDays(1).atTime(20, 0).atZone(City.sample().zone()).toInstant()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/api/v1/analytics/volume?by=hour&from=2024-03-10&to=2024-03-10")
                .headers(h -> h.setBearerAuth(analyst())).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"tickets":3,"previousFrom":"2024-03-09","previousTickets":1,"changePercent":200.0,
                         "buckets":[{"bucket":"09","tickets":2,"byCategory":{"NOISE":2}},
                                    {"bucket":"12","tickets":1,"byCategory":{"NOISE":1}}]}"""));
        csv("/api/v1/analytics/volume?by=hour&from=2024-03-10&to=2024-03-10").isEqualTo("""
                        hour,category,tickets
                        09,NOISE,2
                        12,NOISE,1
                        """);
        csv("/api/v1/analytics/overview?from=2024-03-10&to=2024-03-10").isEqualTo("""
                        from,to,received,resolvedAtIntake,assigned,accepted,acceptedOnTime,resolved,closed,returns,\
                        escalations
                        2024-03-10,2024-03-10,3,0,0,0,0,0,0,0,0
                        """);
    }

    @Test
    void answersAnalystsOnly() {
        web.get().uri("/api/v1/analytics/overview")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/analytics/overview").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        web.get().uri("/api/v1/analytics/overview?from=2024-03-02&to=2024-03-01").headers(h -> h.setBearerAuth(
                        analyst())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private void awaitOverview(LocalDate day, String expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> overview(day).expectBody().json(expected));
    }

    private WebTestClient.ResponseSpec overview(LocalDate day) {
        return web.get().uri("/api/v1/analytics/overview?from={d}&to={d}", day, day)
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk();
    }

    private static String analyst() {
        return infra.tokens().mint("an-1", "ANALYST");
    }

    private static TicketReceived received(Instant at) {
        return TicketEvents.ticket(UUID.randomUUID().toString()).received(at);
    }

    private static TicketAssigned assigned(TicketReceived received, Instant at) {
        return TicketEvents.ticket(received.ticketId()).assigned(at);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodySpec<String, ?> csv(String uri) {
        return web.get().uri(uri).headers(h -> {
            h.setBearerAuth(analyst());
            h.set("Accept", "text/csv");
        }).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class);
    }
}
