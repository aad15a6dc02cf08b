package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The administrators' recount of the rollups. The refresh is slowed to once an hour so that only the test counts;
 * each test counts tickets on days of its own far in the past.
 */
@HubIntegrationTest(database = "analytics-recount-it", properties = "hotline.analytics.rollup-interval=1h")
class RollupRecountIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    private static final String RECOUNT = "/api/v1/admin/rollups/recount?from={from}&to={to}";

    @Autowired
    WebTestClient web;
    @Autowired
    FactRecorder facts;
    @Autowired
    RollupRefresh refresh;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void givesARollupStoredBeforeACounterExistedThatCounterFromTheFacts() {
        LocalDate day = LocalDate.of(2024, 2, 14);
        TicketEvents returned = ticketOn(day);
        record(returned.rejected(at(day).plusSeconds(600), "NOT_OURS"));
        record(returned.escalated(at(day).plusSeconds(900), "REPEAT_CALL"));
        refresh.runOnce().block(Duration.ofSeconds(30));
        overview(day, day).expectBody().json("{\"received\":1,\"returns\":1,\"escalations\":1}");
        // the shape of the rollups before returns and escalations were counted: ten counts a group
        storeWithoutNewestCounters(List.of(Rollups.id(Period.DAY, "2024-02-14", Dimension.CITY),
                Rollups.id(Period.WEEK, "2024-W07", Dimension.CITY),
                Rollups.id(Period.MONTH, "2024-02", Dimension.CITY)));
        overview(day, day).expectBody().json("{\"received\":1,\"returns\":0,\"escalations\":0}");

        recount(day, day).expectStatus().isOk().expectBody().json("{\"days\":1,\"facts\":1}", true);

        overview(day, day).expectBody().json("{\"received\":1,\"returns\":1,\"escalations\":1}");
        // the month (and its week) are summed again from the recounted day
        overview(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)).expectBody()
                .json("{\"received\":1,\"returns\":1,\"escalations\":1}");
    }

    @Test
    void leavesTheRollupsAsTheyWereWhenRunAgain() {
        LocalDate first = LocalDate.of(2023, 10, 30);
        LocalDate last = LocalDate.of(2023, 11, 2);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            TicketEvents ticket = ticketOn(day);
            record(ticket.assigned(at(day).plusSeconds(60)));
            record(ticket.rejected(at(day).plusSeconds(600), "NOT_OURS"));
            ticketOn(day);
        }

        recount(first, last).expectStatus().isOk().expectBody().json("{\"days\":4,\"facts\":8}", true);
        Map<String, Document> once = rollupsOf(first, last);
        recount(first, last).expectStatus().isOk().expectBody().json("{\"days\":4,\"facts\":8}", true);
        Map<String, Document> twice = rollupsOf(first, last);

        assertThat(twice).isEqualTo(once);
        assertThat(Rollups.counts(once.get(Rollups.id(Period.MONTH, "2023-11", Dimension.CITY)))
                .get(Dimension.CITY_GROUP)).startsWith(4, 2);
        overview(first, last).expectBody().json("{\"received\":8,\"assigned\":4,\"returns\":4}");
    }

    @Test
    void losesNoTicketRecordedWhileItCounts() {
        LocalDate day = LocalDate.of(2023, 8, 15);
        IntStream.range(0, 20).forEach(i -> ticketOn(day));

        Mono<String> recounting = Mono.fromCallable(() -> recount(day, day).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).subscribeOn(Schedulers.boundedElastic());
        List<TicketReceived> tickets = IntStream.range(0, 80).mapToObj(i -> TicketEvents.ticket(
                UUID.randomUUID().toString()).received(at(day).plusSeconds(i))).toList();
        Flux<Boolean> arriving = Flux.fromIterable(tickets)
                .flatMap(ticket -> facts.record(ticket).subscribeOn(Schedulers.parallel()), 8);
        Mono.when(recounting, arriving).block(Duration.ofSeconds(60));

        // what the recount did not see, the refresh counts: the days it marked changed stay marked
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            refresh.runOnce().block(Duration.ofSeconds(30));
            overview(day, day).expectBody().json("{\"received\":100}");
        });
    }

    @Test
    void finishesARecountWhoseCallerHungUpSoTheNextOneRuns() {
        LocalDate from = LocalDate.of(2021, 1, 1);
        ticketOn(from.plusDays(45));
        WebTestClient impatient = web.mutate().responseTimeout(Duration.ofMillis(100)).build();

        assertThatThrownBy(() -> impatient.post().uri(RECOUNT, from, from.plusDays(91))
                .headers(h -> h.setBearerAuth(admin())).exchange()).isNotNull();

        recount(from, from.plusDays(91)).expectStatus().isOk().expectBody().json("{\"days\":92,\"facts\":1}", true);
    }

    @Test
    void letsOnlyAnAdministratorRecount() {
        LocalDate day = LocalDate.of(2023, 5, 2);
        for (String role : List.of("ANALYST", "SUPERVISOR", "OPERATOR")) {
            web.post().uri(RECOUNT, day, day).headers(h -> h.setBearerAuth(infra.tokens().mint("r-1", role)))
                    .exchange().expectStatus().isForbidden();
        }
        web.post().uri(RECOUNT, day, day).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesAPeriodThatIsBackwardsLongerThanAQuarterOrInTheFuture() {
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate today = LocalDate.now(City.sample().zone());
        for (LocalDate[] period : List.of(new LocalDate[] {from, from.minusDays(1)},
                new LocalDate[] {from, from.plusDays(92)}, new LocalDate[] {today.minusDays(1), today.plusDays(2)})) {
            recount(period[0], period[1]).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        }
        recount(from, from.plusDays(91)).expectStatus().isOk().expectBody().jsonPath("$.days").isEqualTo(92);
        web.post().uri("/api/v1/admin/rollups/recount?from=2024-01-01").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        web.post().uri("/api/v1/admin/rollups/recount?from=2024-01-01&to=2024-13-01")
                .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    /** Rewrites the rollups {@code ids} with each group's counts cut to those before returns were counted. */
    private void storeWithoutNewestCounters(List<String> ids) {
        for (String id : ids) {
            Document rollup = mongo.findById(id, Document.class, Rollups.COLLECTION).block(Duration.ofSeconds(10));
            assertThat(rollup).as(id).isNotNull();
            List<Document> groups = new ArrayList<>();
            for (Document group : rollup.getList("groups", Document.class)) {
                groups.add(new Document("g", group.getString("g")).append("n", group.getList("n", Object.class)
                        .subList(0, Counter.RETURNS.ordinal())));
            }
            mongo.save(rollup.append("groups", groups), Rollups.COLLECTION).block(Duration.ofSeconds(10));
        }
    }

    /** Every rollup document of the days from {@code first} to {@code last}, their weeks and months, by id. */
    private Map<String, Document> rollupsOf(LocalDate first, LocalDate last) {
        List<String> ids = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Period period : Period.values()) {
                for (Dimension dimension : Dimension.values()) {
                    ids.add(Rollups.id(period, period.of(day), dimension));
                }
            }
        }
        Map<String, Document> rollups = new TreeMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Rollups.COLLECTION)
                .doOnNext(rollup -> rollups.put(rollup.getString("_id"), rollup))
                .blockLast(Duration.ofSeconds(10));
        assertThat(rollups).hasSize((4 + 1 + 2) * Dimension.values().length);
        return rollups;
    }

    private TicketEvents ticketOn(LocalDate day) {
        TicketEvents ticket = TicketEvents.ticket(UUID.randomUUID().toString());
        record(ticket.received(at(day)));
        return ticket;
    }

    private void record(org.hotline12345.contracts.HotlineEvent event) {
        facts.record(event).block(Duration.ofSeconds(10));
    }

    /** A recount of a quarter writes some six hundred documents, more than the client's default 5 s may allow. */
    private WebTestClient.ResponseSpec recount(LocalDate from, LocalDate to) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60)).build().post().uri(RECOUNT, from, to)
                .headers(h -> h.setBearerAuth(admin())).exchange();
    }

    private WebTestClient.ResponseSpec overview(LocalDate from, LocalDate to) {
        return web.get().uri("/api/v1/analytics/overview?from={from}&to={to}", from, to)
                .headers(h -> h.setBearerAuth(infra.tokens().mint("an-1", "ANALYST"))).exchange()
                .expectStatus().isOk();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(City.sample().zone()).toInstant();
    }

    private static String admin() {
        return infra.tokens().mint("ad-1", "ADMIN");
    }
}
