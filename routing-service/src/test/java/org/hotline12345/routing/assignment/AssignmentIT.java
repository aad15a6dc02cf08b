package org.hotline12345.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.routing.rules.RoutingDecision;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

@HubIntegrationTest(database = "routing-it")
class AssignmentIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final String DEAD_LETTERS = "hotline.intake.tickets.routing.dlq";
    static final String RETRIES = "hotline.intake.tickets.routing.retry";
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.ROUTING_TICKETS);

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void parksAnEventItCannotReadOnItsDeadLetterTopicWithTheErrorAndShowsItToAdministrators() {
        String key = "unreadable-" + UUID.randomUUID();
        byte[] payload = "{\"type\":\"TicketReceived\",\"ticketId\":".getBytes(StandardCharsets.UTF_8);
        try (EventTopics.Reader deadLetters = topics.reader(DEAD_LETTERS)) {
            topics.publishRaw(Topics.INTAKE_TICKETS, key, "TicketReceived", payload);

            await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.recordsFor(key).isEmpty());
            assertThat(deadLetters.recordsFor(key)).singleElement().satisfies(parked -> {
                assertThat(parked.value()).isEqualTo(payload);
                assertThat(EventTopics.Reader.header(parked, "hotline-error"))
                        .startsWith("org.hotline12345.platform.messaging.UnreadableEventException: Not an event of "
                                + "IntakeEvent");
                assertThat(EventTopics.Reader.header(parked, "kafka_dlt-original-topic"))
                        .isEqualTo(Topics.INTAKE_TICKETS);
            });
        }
        web.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.deadLetters[?(@.key == '" + key + "')].error").value(errors ->
                        assertThat(errors.toString()).contains("UnreadableEventException"))
                .jsonPath("$.deadLetters[?(@.key == '" + key + "')].originalTopic").isEqualTo(
                        List.of(Topics.INTAKE_TICKETS));
    }

    @Test
    void parksAnUnreadableEventAloneAndAssignsEveryTicketAroundItOnEveryPartition() {
        // one consumer reads every partition of the topic, so a poll's batch mixes them: the unreadable record must
        // be parked alone, and the tickets before and after it, on any partition, each assigned once
        int partitions = partitionsOf(Topics.INTAKE_TICKETS);
        List<TicketReceived> before = onEachPartition(partitions);
        List<TicketReceived> after = onEachPartition(partitions);
        String key = "unreadable-" + UUID.randomUUID();
        try (EventTopics.Reader deadLetters = topics.reader(DEAD_LETTERS)) {
            before.forEach(AssignmentIT::publish);
            topics.publishRaw(Topics.INTAKE_TICKETS, key, "TicketReceived", "{\"type\":".getBytes(
                    StandardCharsets.UTF_8));
            after.forEach(AssignmentIT::publish);

            List<TicketReceived> all = new ArrayList<>(before);
            all.addAll(after);
            all.forEach(ticket -> awaitEvent(ticket.ticketId(), TicketAssigned.class));
            await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.recordsFor(key).isEmpty()
                    && infra.kafka().hasConsumedAll("routing", Topics.INTAKE_TICKETS));
            assertThat(all).allSatisfy(ticket -> assertThat(reader.allEventsFor(ticket.ticketId(),
                    TicketLifecycleEvent.class)).singleElement().isInstanceOf(TicketAssigned.class));
            assertThat(deadLetters.readToEnd()).noneMatch(parked -> all.stream()
                    .anyMatch(ticket -> ticket.ticketId().equals(parked.key())));
            assertThat(deadLetters.recordsFor(key)).hasSize(1);
        }
    }

    @Test
    void replaysDeadLettersThroughItsRetryTopicForAdministratorsOnlyAndAppliesEachOnce() {
        TicketReceived parked = received("NOISE", new GeoPoint(26.5785, 106.7135), false);
        topics.publishTo(DEAD_LETTERS, parked);
        web.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.deadLetters[?(@.key == '" + parked.ticketId() + "')].type")
                .isEqualTo(List.of("org.hotline12345.TicketReceived"));
        web.post().uri("/api/v1/admin/dead-letters/replay")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("sup", "SUPERVISOR"))).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/admin/dead-letters/replay").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/admin/dead-letters").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/admin/dead-letters")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("unit-1", "UNIT"))).exchange()
                .expectStatus().isForbidden();

        try (EventTopics.Reader retries = topics.reader(RETRIES);
                EventTopics.Reader consumed = topics.reader(Topics.INTAKE_TICKETS)) {
            replay();

            assertThat(awaitEvent(parked.ticketId(), TicketAssigned.class).unitId()).isEqualTo("URBAN_MGMT");
            // through routing's own retry topic, never the topic intake owns
            assertThat(retries.readToEnd()).filteredOn(record -> parked.ticketId().equals(record.key()))
                    .singleElement().satisfies(replayed -> {
                assertThat(EventTopics.Reader.header(replayed, "ce_id")).isEqualTo(parked.eventId());
                assertThat(replayed.headers().lastHeader("kafka_dlt-original-topic")).isNull();
            });
            assertThat(consumed.readToEnd()).noneMatch(record -> parked.ticketId().equals(record.key()));
            web.get().uri("/api/v1/admin/dead-letters").headers(h -> h.setBearerAuth(admin())).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.deadLetters[?(@.key == '" + parked.ticketId() + "')]").isEmpty();

            // the same event dead-lettered and replayed again is dropped by its id: one assignment
            topics.publishTo(DEAD_LETTERS, parked);
            replay();
            await().atMost(Duration.ofSeconds(30)).until(() -> retries.readToEnd().stream()
                    .filter(record -> parked.ticketId().equals(record.key())).count() == 2
                    && infra.kafka().hasConsumedAll("routing", RETRIES));
            assertThat(reader.allEventsFor(parked.ticketId(), TicketLifecycleEvent.class)).hasSize(1);
        }
    }

    private void replay() {
        web.post().uri("/api/v1/admin/dead-letters/replay").headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").value(replayed ->
                        assertThat(((Number) replayed).intValue()).isPositive());
    }

    @Test
    void assignsANoiseComplaintToUrbanManagementInTheGridOfItsLocation() {
        TicketReceived received = received("NOISE", new GeoPoint(26.5785, 106.7135), false);

        publish(received);

        TicketAssigned assigned = awaitEvent(received.ticketId(), TicketAssigned.class);
        assertThat(assigned.unitId()).isEqualTo("URBAN_MGMT");
        assertThat(assigned.unitName()).isEqualTo("贵阳市城市管理局");
        assertThat(assigned.ticketNumber()).isEqualTo(received.ticketNumber());
        assertThat(assigned.district()).isEqualTo("YUNYAN");
        assertThat(assigned.priority().name()).isEqualTo("NORMAL");
        assertThat(assigned.reason().ruleId()).isEqualTo("noise");
        assertThat(assigned.reason().gridId()).isEqualTo("YY-04");
        assertThat(Duration.between(assigned.occurredAt(), assigned.acceptBy())).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(assigned.occurredAt(), assigned.resolveBy())).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void givesATicketThePriorityAndTimeLimitsOfItsCategoryInTheCitysFolder() {
        // the sample city's folder makes water supply HIGH, and puts it in the utilities' urgency class: two hours
        // to sign for and a day to answer
        TicketReceived received = received("WATER_SUPPLY", new GeoPoint(26.575, 106.705), false);

        publish(received);

        TicketAssigned assigned = awaitEvent(received.ticketId(), TicketAssigned.class);
        assertThat(assigned.priority()).isEqualTo(Priority.HIGH);
        assertThat(Duration.between(assigned.occurredAt(), assigned.acceptBy())).isEqualTo(Duration.ofHours(2));
        assertThat(Duration.between(assigned.occurredAt(), assigned.resolveBy())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void listsAsOverdueExactlyTheTicketsThatAreOverdueThemselves() {
        Instant now = Instant.now();
        List<RoutedTicket> tickets = new ArrayList<>();
        for (Duration fromNow : List.of(Duration.ofHours(-30), Duration.ofHours(30))) {
            tickets.addAll(inEveryStatus(now.plus(fromNow)));
        }
        // the unit missed signing for it, and has days left to resolve it
        RoutedTicket lateToSignFor = RoutedTicket.from(received("NOISE", null, false), null);
        lateToSignFor.assign(decision(), "城管", now.minus(Duration.ofDays(2)),
                new Dispatcher.Deadlines(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5))));
        tickets.add(lateToSignFor);
        mongo.insertAll(tickets).then().block(Duration.ofSeconds(30));
        List<String> ids = tickets.stream().map(RoutedTicket::getId).toList();

        List<String> listed = mongo.find(Query.query(new Criteria().andOperator(Criteria.where("_id").in(ids),
                TicketController.overdueAt(now))), RoutedTicket.class).map(RoutedTicket::getId)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                tickets.stream().filter(t -> t.overdueAt(now)).map(RoutedTicket::getId).toList());
        assertThat(tickets.stream().filter(t -> t.overdueAt(now)).map(t -> t.getStatus().name()))
                .containsExactlyInAnyOrder("ASSIGNED", "ACCEPTED", "EXTENDED", "REOPENED", "ASSIGNED");
    }

    @Test
    void sendsCityAppearanceToTheStreetOfficeOfTheGrid() {
        TicketReceived received = received("CITY_APPEARANCE", new GeoPoint(26.555, 106.685), false);

        publish(received);

        assertThat(awaitEvent(received.ticketId(), TicketAssigned.class).unitId()).isEqualTo("HUAGUOYUAN_OFFICE");
    }

    @Test
    void closesACallResolvedOnTheSpotWithoutDispatchingIt() {
        TicketReceived received = received("CONSULTATION", null, true);

        publish(received);

        assertThat(awaitEvent(received.ticketId(), TicketClosed.class).reason()).isEqualTo("RESOLVED_AT_INTAKE");
    }

    @Test
    void assignsARedeliveredTicketOnlyOnce() {
        TicketReceived received = received("WATER_SUPPLY", new GeoPoint(26.575, 106.705), false);

        publish(received);
        publish(received);

        awaitEvent(received.ticketId(), TicketAssigned.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> infra.kafka().hasConsumedAll("routing", Topics.INTAKE_TICKETS));
        assertThat(reader.allEventsFor(received.ticketId(), TicketLifecycleEvent.class)).hasSize(1);
    }

    @Test
    void showsAUnitOnlyItsOwnTicketsAndSupervisorsAll() {
        TicketReceived received = received("NOISE", new GeoPoint(26.5785, 106.7135), false);
        publish(received);
        awaitEvent(received.ticketId(), TicketAssigned.class);

        web.get().uri("/api/v1/tickets/{id}", received.ticketId())
                .headers(h -> h.setBearerAuth(infra.tokens().mintUnit("um-1", "URBAN_MGMT"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reason.ruleId").isEqualTo("noise");
        web.get().uri("/api/v1/tickets/{id}", received.ticketId())
                .headers(h -> h.setBearerAuth(infra.tokens().mintUnit("w-1", "WATER_CO"))).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/tickets?status=ASSIGNED")
                .headers(h -> h.setBearerAuth(infra.tokens().mintUnit("w-1", "WATER_CO"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.ticketId == '" + received.ticketId() + "')]").doesNotExist();
        web.get().uri("/api/v1/tickets/{id}", received.ticketId())
                .headers(h -> h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/v1/tickets/{id}", received.ticketId())
                .headers(h -> h.setBearerAuth(infra.tokens().mint("an-1", "ANALYST"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void locatesPointsInGridsThroughTheApi() {
        web.get().uri("/api/v1/grids").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(20)
                .jsonPath("$[?(@.gridId == 'YY-04')].district").isEqualTo(List.of("YUNYAN"));
        web.get().uri("/api/v1/units").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.id == 'URBAN_MGMT')].zh").isEqualTo(List.of("贵阳市城市管理局"));
        web.get().uri("/api/v1/grids/locate?lat=26.5785&lon=106.7135")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.gridId").isEqualTo("YY-04");
        web.get().uri("/api/v1/grids/locate?lat=39.9&lon=116.4")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isNotFound();
    }

    private static TicketReceived received(String category, GeoPoint location, boolean resolvedOnCall) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, category, Urgency.NORMAL,
                "a realistic complaint", location, new Address("somewhere", null, null),
                new CitizenContact("c2VhbGVk", "b".repeat(64), "138****5678", null, "zh", true), resolvedOnCall,
                resolvedOnCall ? "answered on the call" : null, null, null);
    }

    /**
     * A ticket in each status a stored ticket can have, each of whose deadlines (to sign for, to resolve) is
     * {@code deadline}.
     */
    private static List<RoutedTicket> inEveryStatus(Instant deadline) {
        Instant then = deadline.minus(Duration.ofDays(10));
        Dispatcher.Deadlines deadlines = new Dispatcher.Deadlines(deadline, deadline);
        List<RoutedTicket> tickets = new ArrayList<>();
        RoutedTicket triage = RoutedTicket.from(received("NOISE", null, false), null);
        triage.toTriage(decision());
        RoutedTicket linked = RoutedTicket.from(received("NOISE", null, false), null);
        linked.link();
        tickets.addAll(List.of(triage, linked));
        for (int steps = 0; steps <= 7; steps++) {
            RoutedTicket ticket = RoutedTicket.from(received("NOISE", null, false), null);
            ticket.assign(decision(), "城管", then, deadlines);
            switch (steps) {
                case 1 -> ticket.accept(then);
                case 2 -> ticket.reject(ReturnReason.NOT_OUR_DUTY, "不属于本单位职责", null, then);
                case 3 -> {
                    ticket.accept(then);
                    ticket.extendByCentre(deadline.plusSeconds(1), "需要联合执法", "sup-1", then);
                }
                case 4, 5, 6 -> {
                    ticket.accept(then);
                    ticket.resolve(ResolutionResult.SOLVED, "已处理", false, then, Duration.ofDays(7));
                    if (steps == 5) {
                        ticket.reopen("NOT_SOLVED", deadline, then);
                    } else if (steps == 6) {
                        ticket.close("FEEDBACK", then);
                    }
                }
                case 7 -> {
                    ticket.reject(ReturnReason.WRONG_PLACE, "不在本辖区", null, then);
                    ticket.holdForReview(then.plus(Duration.ofHours(2)), then);
                }
                default -> {
                }
            }
            tickets.add(ticket);
        }
        assertThat(tickets).extracting(t -> t.getStatus().name()).containsExactlyInAnyOrder("TRIAGE", "LINKED",
                "ASSIGNED", "ACCEPTED", "REJECTED", "EXTENDED", "RESOLVED", "REOPENED", "CLOSED", "RETURN_REVIEW");
        return tickets;
    }

    private static RoutingDecision decision() {
        return new RoutingDecision("noise", 1, "URBAN_MGMT", List.of(), Priority.NORMAL, List.of());
    }

    /** One new ticket whose key the producer's partitioner puts on each partition of the hub's intake topic. */
    private static List<TicketReceived> onEachPartition(int partitions) {
        TicketReceived[] found = new TicketReceived[partitions];
        int missing = partitions;
        while (missing > 0) {
            TicketReceived ticket = received("NOISE", new GeoPoint(26.5785, 106.7135), false);
            int partition = Utils.toPositive(Utils.murmur2(ticket.ticketId().getBytes(StandardCharsets.UTF_8)))
                    % partitions;
            if (found[partition] == null) {
                found[partition] = ticket;
                missing--;
            }
        }
        return List.of(found);
    }

    private static int partitionsOf(String topic) {
        try (Admin admin = infra.kafka().admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe " + topic, e);
        }
    }

    private static void publish(TicketReceived event) {
        topics.publish(event);
    }

    private static <T extends TicketLifecycleEvent> T awaitEvent(String ticketId, Class<T> type) {
        return reader.awaitEvents(ticketId, TicketLifecycleEvent.class, type).get(0);
    }

    private static String admin() {
        return infra.tokens().mint("admin-1", "ADMIN");
    }
}
