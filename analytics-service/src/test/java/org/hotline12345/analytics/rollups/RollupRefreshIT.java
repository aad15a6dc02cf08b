package org.hotline12345.analytics.rollups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.facts.PendingFacts;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketEvents;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Facts recorded a batch at a time and rollups kept by adding what the facts changed. The refresh is slowed to
 * once an hour so that only the test counts; each test counts tickets in a month of its own far in the past.
 */
@HubIntegrationTest(database = "analytics-refresh-it", properties = "hotline.analytics.rollup-interval=1h")
class RollupRefreshIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @Autowired
    WebTestClient web;
    @Autowired
    FactRecorder facts;
    @Autowired
    PendingFacts pending;
    @Autowired
    RollupRefresh refresh;
    @Autowired
    RollupDeltas deltas;
    @Autowired
    RollupStore store;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void countsEachTicketOnceOfABurstOfEventsSomeDeliveredTwice() {
        LocalDate day = LocalDate.of(2022, 6, 1);
        double receivedBefore = received();
        List<TicketReceived> tickets = IntStream.range(0, 200).mapToObj(i -> TicketEvents.ticket(
                UUID.randomUUID().toString()).received(at(day).plusSeconds(i))).toList();
        List<TicketAssigned> assignments = tickets.stream().map(ticket -> TicketEvents.ticket(ticket.ticketId())
                .assigned(ticket.occurredAt().plusSeconds(60))).toList();

        tickets.forEach(topics::publish);
        assignments.forEach(topics::publish);
        // a consumer that fails before committing its offsets is sent its records again
        IntStream.range(0, 200).filter(i -> i % 2 == 0).forEach(i -> topics.publish(tickets.get(i)));
        IntStream.range(0, 200).filter(i -> i % 3 == 0).forEach(i -> topics.publish(assignments.get(i)));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                infra.kafka().hasConsumedAll("analytics", Topics.INTAKE_TICKETS)
                        && infra.kafka().hasConsumedAll("analytics", Topics.ROUTING_TICKETS));
        refresh.runOnce().block(Duration.ofSeconds(30));
        overview(day).expectBody().json("{\"received\":200,\"assigned\":200,\"accepted\":0}");
        assertThat(received() - receivedBefore).isEqualTo(200);
        assertThat(pending.pending(1_000).filter(fact -> day.toString().equals(fact.now()
                .getString(Fields.RECEIVED_DAY))).collectList().block(Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void appliesTheEventsOfOneTicketInOneBatchInTheirOrderAndEachOnce() {
        LocalDate day = LocalDate.of(2022, 7, 2);
        TicketEvents ticket = TicketEvents.ticket(UUID.randomUUID().toString());
        TicketReceived received = ticket.received(at(day));
        List<HotlineEvent> batch = List.of(received, ticket.assigned(at(day).plusSeconds(60)),
                ticket.accepted(at(day).plusSeconds(120), true), ticket.rejected(at(day).plusSeconds(600), "NOT_OURS"),
                ticket.unit("POLICE").assigned(at(day).plusSeconds(900)), received);

        Set<String> applied = facts.record(batch).block(Duration.ofSeconds(10));
        Set<String> again = facts.record(batch).block(Duration.ofSeconds(10));

        assertThat(applied).hasSize(5);
        assertThat(again).isEmpty();
        Document stored = mongo.findById(ticket.id(), Document.class, FactRecorder.COLLECTION)
                .block(Duration.ofSeconds(10));
        Fact fact = Fact.from(stored);
        assertThat(fact.unitId()).isEqualTo("POLICE");
        assertThat(fact.acceptedAt()).isNull();
        assertThat(fact.returns()).isEqualTo(1);
        assertThat(fact.assignedUnits()).containsExactly("URBAN_MGMT", "POLICE");
        assertThat(stored.getList(Fields.EVENT_IDS, String.class)).hasSize(5);
        refresh.runOnce().block(Duration.ofSeconds(30));
        overview(day).expectBody().json("{\"received\":1,\"assigned\":1,\"accepted\":0,\"returns\":1}");
    }

    @Test
    void movesATicketsCountsToTheUnitThatHoldsItNow() {
        LocalDate day = LocalDate.of(2022, 8, 3);
        TicketEvents ticket = TicketEvents.ticket(UUID.randomUUID().toString());
        record(ticket.received(at(day)), ticket.assigned(at(day).plusSeconds(60)));
        refresh.runOnce().block(Duration.ofSeconds(30));
        units(day).expectBody().json("[{\"group\":\"URBAN_MGMT\",\"received\":1,\"assigned\":1}]")
                .jsonPath("$.length()").isEqualTo(1);

        record(ticket.rejected(at(day).plusSeconds(600), "NOT_OURS"),
                ticket.unit("POLICE").assigned(at(day).plusSeconds(900)));
        refresh.runOnce().block(Duration.ofSeconds(30));

        units(day).expectBody().json("[{\"group\":\"POLICE\",\"received\":1,\"assigned\":1}]")
                .jsonPath("$.length()").isEqualTo(1);
        overview(day).expectBody().json("{\"received\":1,\"assigned\":1,\"returns\":1}");
    }

    @Test
    void addsTheChangesOfAPassStoppedMidwayOnce() {
        LocalDate day = LocalDate.of(2022, 9, 4);
        TicketEvents ticket = TicketEvents.ticket(UUID.randomUUID().toString());
        record(ticket.received(at(day)));
        Document journal = RollupDeltas.journal(pending.pending(1_000).filter(fact -> fact.id().equals(ticket.id()))
                .collectList().block(Duration.ofSeconds(10)));
        // stopped after the journal was written: the next pass finishes it
        mongo.save(journal, RollupDeltas.JOURNAL).block(Duration.ofSeconds(10));
        refresh.runOnce().block(Duration.ofSeconds(30));
        overview(day).expectBody().json("{\"received\":1}");

        // stopped after the rollups were written, before the journal was dropped: finishing it again adds nothing
        mongo.save(journal, RollupDeltas.JOURNAL).block(Duration.ofSeconds(10));
        refresh.runOnce().block(Duration.ofSeconds(30));
        deltas.finishUnfinished().block(Duration.ofSeconds(10));

        overview(day).expectBody().json("{\"received\":1}");
        overview(day.withDayOfMonth(1), day.withDayOfMonth(30)).expectBody().json("{\"received\":1}");
        assertThat(mongo.findById("unfinished", Document.class, RollupDeltas.JOURNAL).block(Duration.ofSeconds(10)))
                .isNull();
    }

    @Test
    void countsTheDayWholeWhenAFactStoredBeforeItsShareWasRecordedChanges() {
        LocalDate day = LocalDate.of(2022, 10, 5);
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // as facts and rollups were kept before: no record of what the rollups count of each fact
            stored.add(new Document(Fields.ID, UUID.randomUUID().toString()).append(Fields.RECEIVED_DAY,
                    day.toString()).append(Fields.RECEIVED_HOUR, "10").append(Fields.CATEGORY, "NOISE")
                    .append(Fields.EVENT_IDS, List.of()));
        }
        mongo.insert(stored, FactRecorder.COLLECTION).collectList().block(Duration.ofSeconds(10));
        List<Fact> counted = stored.stream().map(Fact::from).toList();
        for (Period period : Period.values()) {
            store.save(Rollups.documents(period, period.of(day), Rollups.count(counted)))
                    .block(Duration.ofSeconds(10));
        }
        overview(day).expectBody().json("{\"received\":2,\"assigned\":0}");

        record(TicketEvents.ticket(stored.get(0).getString(Fields.ID)).assigned(at(day).plusSeconds(60)));
        refresh.runOnce().block(Duration.ofSeconds(30));

        overview(day).expectBody().json("{\"received\":2,\"assigned\":1}");
        overview(day.withDayOfMonth(1), day.withDayOfMonth(31)).expectBody()
                .json("{\"received\":2,\"assigned\":1}");
    }

    private void record(HotlineEvent... events) {
        facts.record(List.of(events)).block(Duration.ofSeconds(10));
    }

    private double received() {
        return meters.find("hotline.tickets.received").counters().stream().mapToDouble(Counter::count).sum();
    }

    private WebTestClient.ResponseSpec overview(LocalDate day) {
        return overview(day, day);
    }

    private WebTestClient.ResponseSpec overview(LocalDate from, LocalDate to) {
        return web.get().uri("/api/v1/analytics/overview?from={from}&to={to}", from, to)
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec units(LocalDate day) {
        return web.get().uri("/api/v1/analytics/rates?groupBy=unit&period=day&from={d}&to={d}", day, day)
                .headers(h -> h.setBearerAuth(analyst())).exchange().expectStatus().isOk();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(City.sample().zone()).toInstant();
    }

    private static String analyst() {
        return infra.tokens().mint("an-1", "ANALYST");
    }
}
