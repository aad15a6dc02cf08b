package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.CloudEventAttributes;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.notification.contacts.CitizenContactRecord;
import org.hotline12345.notification.gateway.DevSmsOutbox.OutboxText;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Events arrive in bursts, as after a pause of the consumers or at the peak of a storm, and the consumers take them in
 * batches: every caller gets exactly one text per event, the same events delivered again make none, a public number's
 * daily cap counts each text of a batch once, and a ticket's events of one batch act in their order.
 */
@HubIntegrationTest(database = "notification-burst-it", properties = {
        "hotline.notification.quiet-from=00:00", "hotline.notification.quiet-to=00:00"})
class TextBurstIT {

    private static final int TICKETS = 200;
    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    /** Sends a burst without waiting for each record, so that it reaches the consumers as few large polls. */
    static final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50,
            ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20), new StringSerializer(), new ByteArraySerializer());

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ContactSealer sealer;

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void textsEveryCallerOfABurstOnceAndNothingMoreWhenTheBurstComesAgain() {
        List<TicketReceived> tickets = IntStream.range(0, TICKETS)
                .mapToObj(caller -> received(String.format("+86139%08d", 50_000 + caller), Channel.PHONE)).toList();
        List<String> ids = tickets.stream().map(TicketReceived::ticketId).toList();

        publishAtOnce(tickets);

        await().atMost(Duration.ofSeconds(60)).until(() -> textsPerTicket(ids).size() == TICKETS);
        assertThat(textsPerTicket(ids)).allSatisfy((ticket, texts) -> assertThat(texts).singleElement()
                .satisfies(text -> assertThat(text.text()).contains("已受理")));

        List<TicketAssigned> assignments = tickets.stream().map(TextBurstIT::assigned).toList();
        publishAtOnce(assignments);

        await().atMost(Duration.ofSeconds(60)).until(() -> textsPerTicket(ids).values().stream()
                .filter(texts -> texts.size() >= 2).count() == TICKETS);

        publishAtOnce(tickets);
        publishAtOnce(assignments);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                infra.kafka().hasConsumedAll("notification", Topics.INTAKE_TICKETS)
                        && infra.kafka().hasConsumedAll("notification", Topics.ROUTING_TICKETS));

        Map<String, List<OutboxText>> texts = textsPerTicket(ids);
        assertThat(texts).hasSize(TICKETS).allSatisfy((ticket, sent) -> assertThat(sent)
                .extracting(OutboxText::text).hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("已受理"))
                .anySatisfy(text -> assertThat(text).contains("已转贵阳水务集团办理")));
        assertThat(notifications(ids)).hasSize(2 * TICKETS).allSatisfy(notification -> {
            assertThat(notification.getStatus()).isEqualTo(Notification.Status.SENT);
            assertThat(notification.getAttempts()).isEqualTo(1);
            assertThat(notification.getClaims()).isEqualTo(1);
        });
    }

    @Test
    void countsTheTextsOfOneBurstToAPublicNumberAgainstItsDailyCapOnceEach() {
        String phone = "+8613900000601";
        List<TicketReceived> complaints = IntStream.range(0, 4)
                .mapToObj(i -> received(phone, i % 2 == 0 ? Channel.WEB : Channel.OPEN311)).toList();
        List<String> ids = complaints.stream().map(TicketReceived::ticketId).toList();

        publishAtOnce(complaints.stream().flatMap(complaint -> Stream.of(complaint, complaint)).toList());

        await().atMost(Duration.ofSeconds(60)).until(() -> notifications(ids).size() == 4);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                infra.kafka().hasConsumedAll("notification", Topics.INTAKE_TICKETS));
        assertThat(notifications(ids)).extracting(n -> n.getStatus() + ":" + n.getSuppressedBecause())
                .containsExactlyInAnyOrder("SENT:null", "SENT:null", "SENT:null", "SUPPRESSED:DAILY_CAP");
        assertThat(textsPerTicket(ids).values()).flatMap(texts -> texts).hasSize(3);
    }

    @Test
    void leavesNoQuestionAwaitingAnAnswerWhenTheResolutionAndTheClosingComeTogether() {
        TicketReceived received = received("+8613900000602", Channel.PHONE);
        publishAtOnce(List.of(received));
        await().atMost(Duration.ofSeconds(60)).until(() -> textsPerTicket(List.of(received.ticketId())).size() == 1);

        publishAtOnce(List.of(new TicketResolved(EventIds.of(received.ticketId(), "TicketResolved", 1),
                        Instant.now(), received.ticketId(), "WATER_CO", ResolutionResult.SOLVED,
                        "The pipe was repaired.", true, false, 1),
                new TicketClosed(EventIds.of(received.ticketId(), "TicketClosed", 1), Instant.now(),
                        received.ticketId(), "WATER_CO", "NO_ANSWER")));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                textsPerTicket(List.of(received.ticketId())).get(received.ticketId()).size() == 3
                        && infra.kafka().hasConsumedAll("notification", Topics.ROUTING_TICKETS));
        CitizenContactRecord contact = mongo.findById(received.ticketId(), CitizenContactRecord.class).block();
        assertThat(contact.awaitingFeedbackSince()).isNull();
        assertThat(contact.feedbackRound()).isEqualTo(1);
    }

    private List<Notification> notifications(List<String> ticketIds) {
        return mongo.find(Query.query(Criteria.where("ticketId").in(ticketIds)), Notification.class).collectList()
                .block();
    }

    /** The texts the dev outbox holds for {@code ticketIds}, by ticket. */
    private Map<String, List<OutboxText>> textsPerTicket(List<String> ticketIds) {
        return mongo.find(Query.query(Criteria.where("ticketId").in(ticketIds)), OutboxText.class)
                .collectList().block().stream().collect(Collectors.groupingBy(OutboxText::ticketId));
    }

    /** Sends every event, then waits for all the acknowledgements together. */
    private static void publishAtOnce(List<? extends HotlineEvent> events) {
        List<Future<RecordMetadata>> acks = events.stream().map(event -> {
            RecordHeaders headers = new RecordHeaders();
            CloudEventAttributes.headers(event, "/hotline/test")
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            return producer.send(new ProducerRecord<>(Topics.topicOf(event), null, event.ticketId(),
                    EventCodec.write(event), headers));
        }).toList();
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish the burst", e);
            }
        }
    }

    private TicketReceived received(String phone, Channel channel) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 8), channel, "WATER_SUPPLY", Urgency.NORMAL,
                "no water since morning", null, null, new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE), sealer.hash(phone),
                        ContactSealer.mask(phone), null, "zh", true), false, null, null, null);
    }

    private static TicketAssigned assigned(TicketReceived received) {
        Instant due = Instant.parse("2026-12-05T10:00:00Z");
        return new TicketAssigned(EventIds.of(received.ticketId(), "TicketAssigned", 1), Instant.now(),
                received.ticketId(), received.ticketNumber(), 1, "WATER_CO", "贵阳水务集团", List.of(),
                "WATER_SUPPLY", "YUNYAN", Priority.NORMAL, due.minusSeconds(3600), due,
                new AssignmentReason("water", 1, "YY-04", List.of("category=WATER_SUPPLY")));
    }
}
