package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.CitizenRated;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.FeedbackEvent;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.notification.contacts.CitizenContactRecord;
import org.hotline12345.notification.contacts.CitizenContacts;
import org.hotline12345.notification.gateway.DevSmsOutbox.OutboxText;
import org.hotline12345.notification.gateway.HmacSignature;
import org.hotline12345.notification.replies.InboundReply;
import org.hotline12345.notification.replies.InboundReplies;
import org.hotline12345.notification.verification.FollowLinks;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Texts, replies and receipts through the dev outbox, against the real broker and wire server. */
@HubIntegrationTest(database = "notification-it", properties = {
        "hotline.notification.quiet-from=00:00", "hotline.notification.quiet-to=00:00",
        "hotline.notification.webhook-secret=" + NotificationIT.WEBHOOK_SECRET})
class NotificationIT {

    static final String WEBHOOK_SECRET = "webhook-test-secret";
    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader feedback = topics.reader(Topics.NOTIFICATION_FEEDBACK);

    @Autowired
    WebTestClient web;
    @Autowired
    ContactSealer sealer;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    CitizenContacts contacts;
    @Autowired
    FollowLinks links;
    @Autowired
    InboundReplies replies;

    @Test
    void textsTheTicketNumberThenTheUnitAndDueDateInChinese() {
        TicketReceived received = received("zh", true, "+8613900000001", null);
        topics.publish(received);
        topics.publish(assigned(received));

        List<OutboxText> texts = awaitTexts(received.ticketId(), 2);

        assertThat(texts).extracting(OutboxText::text, OutboxText::segments).containsExactlyInAnyOrder(
                tuple("【12345】您反映的问题已受理，工单号" + received.ticketNumber() + "。查询办理进度：http://127.0.0.1:8081/t/"
                        + received.ticketNumber() + "." + links.tokenFor(received.ticketNumber()), 2),
                tuple("【12345】您的工单" + received.ticketNumber() + "已转贵阳水务集团办理，办结时限2026-12-05 18:00。", 1));
        assertThat(texts).allSatisfy(t -> assertThat(t.to()).isEqualTo("139****0001"));
    }

    @Test
    void waitsForTheReceiptWhenTheAssignmentArrivesFirstInsteadOfDeadLetteringIt() {
        TicketReceived received = received("zh", true, "+8613900000009", null);
        try (EventTopics.Reader deadLetters = topics.reader("hotline.routing.tickets.notification.dlq")) {
            topics.publish(assigned(received));
            // the binder used to give up after four attempts in about 3.5 s; five attempts take about 7.5 s
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/actuator/health")
                    .headers(h -> h.setBearerAuth(infra.tokens().mint("admin", "ADMIN"))).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.consumers.status").isEqualTo("OUT_OF_SERVICE")
                    .jsonPath("$.components.consumers.details.retrying.*.attempts").value(attempts ->
                            assertThat(attempts.toString()).matches(".*\\b([5-9]|\\d{2,})\\b.*")));

            topics.publish(received);

            assertThat(awaitTexts(received.ticketId(), 2)).extracting(OutboxText::text)
                    .anySatisfy(text -> assertThat(text).contains("已转贵阳水务集团办理"));
            assertThat(deadLetters.readToEnd()).noneMatch(r -> received.ticketId().equals(r.key()));
        }
    }

    @Test
    void textsInEnglishWhenTheCitizenAskedForIt() {
        TicketReceived received = received("en", true, "+8613900000002", null);
        topics.publish(received);
        topics.publish(assigned(received));

        assertThat(awaitTexts(received.ticketId(), 2)).extracting(OutboxText::text).contains(
                "[12345] Ticket " + received.ticketNumber() + " is with Guiyang Water Group, due by 2026-12-05 18:00.");
    }

    @Test
    void sendsOneTextPerEventHoweverOftenTheEventArrives() {
        TicketReceived received = received("zh", true, "+8613900000003", null);
        TicketAssigned assigned = assigned(received);
        topics.publish(received);
        topics.publish(received);
        topics.publish(assigned);
        topics.publish(assigned);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                infra.kafka().hasConsumedAll("notification", Topics.INTAKE_TICKETS)
                        && infra.kafka().hasConsumedAll("notification", Topics.ROUTING_TICKETS));

        notifications(received.ticketId()).expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].status").isEqualTo("SENT").jsonPath("$[1].status").isEqualTo("SENT")
                .jsonPath("$[0].attempts").isEqualTo(1);
        assertThat(texts(received.ticketId())).hasSize(2);
    }

    @Test
    void neverTextsACallerWhoAskedNotToBeContacted() {
        TicketReceived received = received("zh", false, "+8613900000004", null);
        topics.publish(received);
        topics.publish(assigned(received));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notifications(received.ticketId())
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].status").isEqualTo("SUPPRESSED")
                .jsonPath("$[0].suppressedBecause").isEqualTo("CONTACT_NOT_ALLOWED"));
        assertThat(texts(received.ticketId())).isEmpty();
    }

    @Test
    void turnsASatisfactionReplyIntoFeedbackForTheTicketAwaitingIt() {
        TicketReceived received = resolvedTicket("+8613900000005", null);

        String outcome = inbound("r-" + received.ticketId(), "13900000005", "基本满意，谢谢").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(outcome).contains("FEEDBACK");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !feedback.eventsFor(received.ticketId(), FeedbackEvent.class).isEmpty());
        FeedbackReceived answer = (FeedbackReceived) feedback.eventsFor(received.ticketId(), FeedbackEvent.class)
                .get(0);
        assertThat(answer.solved()).isTrue();
        assertThat(answer.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(answer.via()).isEqualTo("SMS");
        inbound("r-" + received.ticketId(), "13900000005", "基本满意，谢谢").expectStatus().isOk();
        inbound("r2-" + received.ticketId(), "+8613900000005", "1").expectBody().jsonPath("$.outcome")
                .isEqualTo("NO_TICKET_AWAITING_FEEDBACK");
        assertThat(feedback.allEventsFor(received.ticketId(), FeedbackEvent.class)).hasSize(1);
    }

    @Test
    void takesTheRatingFromTheFollowPageAsTheAnswerOfItsResolutionAndNoTextReplyAfterIt() {
        TicketReceived received = received("zh", true, "+8613900000023", null);
        String id = received.ticketId();
        topics.publish(received);
        topics.publish(resolved(received, 1));
        awaitQuestion(id, 1);
        CitizenRated rated = new CitizenRated(EventIds.of(id, "CitizenRated", "WEB@1"), Instant.now(), id, 1, false,
                Satisfaction.DISSATISFIED, "还是没修好");

        topics.publish(rated);
        topics.publish(rated);

        await().atMost(Duration.ofSeconds(30)).until(() -> !feedback.eventsFor(id, FeedbackEvent.class).isEmpty());
        FeedbackReceived answer = (FeedbackReceived) feedback.eventsFor(id, FeedbackEvent.class).get(0);
        assertThat(answer.via()).isEqualTo("WEB");
        assertThat(answer.resolutionRound()).isEqualTo(1);
        assertThat(answer.solved()).isFalse();
        assertThat(answer.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        // the question is answered: a text reply after it, or a rating of a round never asked, answers nothing
        inbound("after-web-" + id, "13900000023", "满意").expectBody().jsonPath("$.outcome")
                .isEqualTo("NO_TICKET_AWAITING_FEEDBACK");
        topics.publish(new CitizenRated(EventIds.of(id, "CitizenRated", "WEB@2"), Instant.now(), id, 2, true,
                Satisfaction.SATISFIED, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(EventIds.of(id, "CitizenRated", "WEB@2"),
                InboundReply.class).block() != null);
        assertThat(feedback.allEventsFor(id, FeedbackEvent.class)).hasSize(1);
    }

    @Test
    void namesInTheFeedbackTheResolutionWhoseQuestionTheCitizenAnswered() {
        TicketReceived received = received("zh", true, "+8613900000021", null);
        String id = received.ticketId();
        topics.publish(received);
        topics.publish(resolved(received, 1));
        awaitQuestion(id, 1);
        inbound("n1-" + id, "13900000021", "0").expectBody().jsonPath("$.outcome").isEqualTo("FEEDBACK");
        topics.publish(reopened(received, 1));
        topics.publish(resolved(received, 2));
        awaitQuestion(id, 2);

        inbound("n2-" + id, "13900000021", "1").expectBody().jsonPath("$.outcome").isEqualTo("FEEDBACK");

        await().atMost(Duration.ofSeconds(30)).until(() -> feedback.eventsFor(id, FeedbackEvent.class).size() >= 2);
        assertThat(feedback.eventsFor(id, FeedbackEvent.class)).map(FeedbackReceived.class::cast)
                .extracting(FeedbackReceived::resolutionRound, FeedbackReceived::solved)
                .containsExactly(tuple(1, false), tuple(2, true));
        assertThat(texts(id)).extracting(OutboxText::text).filteredOn(text -> text.contains("已办结")).hasSize(2);
    }

    /**
     * A consumer that reads the first resolution's events again after a restart, or a late one, meets a contact
     * already asked about the second: the question stands, for the second round, and is not asked again once
     * answered.
     */
    @Test
    void keepsTheQuestionAboutTheLatestResolutionAgainstLateEventsOfAnEarlierOne() {
        String id = UUID.randomUUID().toString();
        String phoneHash = sealer.hash("+8613900000022");
        Instant first = Instant.parse("2026-11-28T03:00:00Z");
        Instant second = first.plus(Duration.ofDays(3));
        mongo.insert(new CitizenContactRecord(id, "12345-" + id.substring(0, 4), sealer.seal("+8613900000022", id,
                ContactSealer.Field.PHONE),
                phoneHash, "139****0022", "zh", true, false, null, first, null, null, false, null, null)).block();
        contacts.changeQuestions(List.of(CitizenContacts.asked(id, 1, first))).block();
        contacts.takeAwaitingFeedback(phoneHash, "first-answer-" + id).block();
        contacts.changeQuestions(List.of(CitizenContacts.reopened(id, 1), CitizenContacts.asked(id, 2, second)))
                .block();

        contacts.changeQuestions(List.of(CitizenContacts.reopened(id, 1),
                CitizenContacts.asked(id, 1, second.plusSeconds(60)))).block();

        CitizenContactRecord asked = contacts.awaitingFeedback(phoneHash).block();
        assertThat(asked).isNotNull();
        assertThat(asked.feedbackRound()).isEqualTo(2);
        assertThat(asked.awaitingFeedbackSince()).isEqualTo(second);
        assertThat(contacts.takeAwaitingFeedback(phoneHash, "second-answer-" + id).block()).isEqualTo(asked);
        contacts.changeQuestions(List.of(CitizenContacts.asked(id, 2, second.plusSeconds(120)))).block();
        assertThat(contacts.awaitingFeedback(phoneHash).blockOptional()).isEmpty();
    }

    /**
     * Two ratings of one question that arrive at once answer it once: the second finds no question left, as it
     * would had it come a moment later, rather than both reading the question before either takes it.
     */
    @Test
    void answersAQuestionOnceWhenTwoRatingsOfItArriveAtOnce() {
        Instant asked = Instant.now();
        List<String> numbers = IntStream.range(0, 20).mapToObj(i -> "139000003%02d".formatted(i)).toList();
        numbers.forEach(number -> {
            String ticketId = UUID.randomUUID().toString();
            mongo.insert(new Document("_id", ticketId).append("ticketNumber", "12345-" + number)
                    .append("sealedPhone", sealer.seal("+86" + number, ticketId, ContactSealer.Field.PHONE))
                    .append("phoneHash", sealer.hash("+86" + number))
                    .append("maskedPhone", "139****" + number.substring(7))
                    .append("language", "zh").append("contactAllowed", true).append("urgent", false)
                    .append("receivedAt", asked).append("awaitingFeedbackSince", asked).append("feedbackRound", 1),
                    "contacts").block();
        });

        List<String> outcomes = Flux.fromIterable(numbers).flatMap(number -> Flux.merge(
                        replies.receive("first-" + number + "-" + asked.toEpochMilli(), number, "满意"),
                        replies.receive("second-" + number + "-" + asked.toEpochMilli(), number, "满意")))
                .collectList().block();

        assertThat(outcomes).hasSize(2 * numbers.size());
        assertThat(outcomes).filteredOn("FEEDBACK"::equals).hasSize(numbers.size());
        assertThat(outcomes).filteredOn("NO_TICKET_AWAITING_FEEDBACK"::equals).hasSize(numbers.size());
    }

    @Test
    void handlesAReplyWhoseFirstHandlingDiedAfterItWasStoredWhenTheProviderRetriesIt() {
        TicketReceived received = resolvedTicket("+8613900000008", null);
        String messageId = "died-" + received.ticketId();
        mongo.insert(new Document("_id", messageId).append("from", "139****0008")
                .append("phoneHash", sealer.hash("+8613900000008")).append("text", "非常满意")
                .append("receivedAt", Instant.now()), "replies").block();

        inbound(messageId, "13900000008", "非常满意").expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("FEEDBACK");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !feedback.eventsFor(received.ticketId(), FeedbackEvent.class).isEmpty());
        assertThat(((FeedbackReceived) feedback.eventsFor(received.ticketId(), FeedbackEvent.class).get(0))
                .satisfaction()).isEqualTo(Satisfaction.SATISFIED);
    }

    @Test
    void answersAnUnclearReplyWithOneHelpText() {
        TicketReceived received = resolvedTicket("+8613900000006", null);

        inbound("u1-" + received.ticketId(), "13900000006", "什么时候来修？").expectBody().jsonPath("$.outcome")
                .isEqualTo("HELP_SENT");
        inbound("u2-" + received.ticketId(), "13900000006", "???").expectBody().jsonPath("$.outcome")
                .isEqualTo("HELP_SENT");

        assertThat(awaitTexts(received.ticketId(), 3)).filteredOn(t -> t.text().contains("未能识别")).hasSize(1);
        assertThat(texts(received.ticketId())).hasSize(3);
    }

    @Test
    void stopsEveryTextToANumberThatRepliedTd() {
        TicketReceived first = received("zh", true, "+8613900000007", null);
        topics.publish(first);
        awaitTexts(first.ticketId(), 1);

        inbound("td-" + first.ticketId(), "13900000007", "TD").expectBody().jsonPath("$.outcome")
                .isEqualTo("OPTED_OUT");
        topics.publish(assigned(first));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> notifications(first.ticketId())
                .expectBody().jsonPath("$[1].status").isEqualTo("SUPPRESSED")
                .jsonPath("$[1].suppressedBecause").isEqualTo("OPTED_OUT"));
        assertThat(texts(first.ticketId())).hasSize(1);
    }

    @Test
    void textsTheResolutionToEveryCallerOfTheSameIncidentWithTheReplyOnlyWhereTheUnitMadeItPublic() {
        TicketReceived parent = received("zh", true, "+8613900000008", null);
        TicketReceived merged = received("en", true, "+8613900000009", parent.ticketId());
        TicketReceived publicParent = received("zh", true, "+8613900000018", null);
        TicketReceived publicMerged = received("en", true, "+8613900000019", publicParent.ticketId());
        List.of(parent, merged, publicParent, publicMerged).forEach(topics::publish);
        awaitTexts(merged.ticketId(), 1);
        awaitTexts(publicMerged.ticketId(), 1);

        topics.publish(resolved(parent));
        topics.publish(new TicketResolved(EventIds.of(publicParent.ticketId(), "TicketResolved", 1), Instant.now(),
                publicParent.ticketId(), "WATER_CO", ResolutionResult.SOLVED, "The pipe was repaired.", true, true));

        // the first caller's reply is theirs: another caller of the same incident hears only that it was dealt with
        assertThat(awaitTexts(merged.ticketId(), 2)).extracting(OutboxText::text).contains(
                "[12345] Ticket " + merged.ticketNumber() + " resolved: The responsible unit has dealt with the same "
                        + "problem. Reply 1 satisfied, 2 basically satisfied, 3 dissatisfied, 0 not solved.");
        assertThat(awaitTexts(parent.ticketId(), 2)).extracting(OutboxText::to).containsOnly("139****0008");
        assertThat(awaitTexts(parent.ticketId(), 2)).extracting(OutboxText::text)
                .anySatisfy(text -> assertThat(text).contains("The pipe was repaired."));
        assertThat(awaitTexts(publicMerged.ticketId(), 2)).extracting(OutboxText::text).contains(
                "[12345] Ticket " + publicMerged.ticketNumber() + " resolved: The pipe was repaired. Reply 1 "
                        + "satisfied, 2 basically satisfied, 3 dissatisfied, 0 not solved.");
    }

    /**
     * A question answered on the call gets no receipt: the caller who asked for the answer by text gets that text
     * alone, once however often the event arrives; a caller who did not ask gets nothing.
     */
    @Test
    void textsTheAnswerGivenOnTheCallOnlyToACallerWhoAskedForIt() {
        TicketReceived notAsked = answeredOnCall("+8613900000031", false);
        TicketReceived asked = answeredOnCall("+8613900000032", true);
        topics.publish(notAsked);
        topics.publish(asked);
        topics.publish(asked);

        List<OutboxText> texts = awaitTexts(asked.ticketId(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                infra.kafka().hasConsumedAll("notification", Topics.INTAKE_TICKETS));

        assertThat(texts).extracting(OutboxText::text, OutboxText::to).containsExactly(tuple(
                "【12345】您咨询的问题（工单" + asked.ticketNumber() + "）答复如下：带身份证到市民中心一楼社保窗口补办，当场可取",
                "139****0032"));
        assertThat(texts(asked.ticketId())).hasSize(1);
        notifications(asked.ticketId()).expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].trigger").isEqualTo("AnswerGiven").jsonPath("$[0].status").isEqualTo("SENT");
        assertThat(texts(notAsked.ticketId())).isEmpty();
        notifications(notAsked.ticketId()).expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void refusesAForgedOrReplayedWebhookAndRecordsSignedReceipts() {
        String body = "{\"messageId\":\"x\",\"from\":\"13900000010\",\"text\":\"1\"}";
        String now = String.valueOf(Instant.now().getEpochSecond());
        web.post().uri("/api/v1/sms/inbound").contentType(MediaType.APPLICATION_JSON).header("X-Timestamp", now)
                .header("X-Signature", HmacSignature.sign("wrong-secret", now + "\n" + body)).bodyValue(body)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/sms/receipts").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
        // signed rightly, but an hour ago: a call captured then and sent again now
        String anHourAgo = String.valueOf(Instant.now().minusSeconds(3_600).getEpochSecond());
        web.post().uri("/api/v1/sms/inbound").contentType(MediaType.APPLICATION_JSON).header("X-Timestamp", anHourAgo)
                .header("X-Signature", HmacSignature.sign(WEBHOOK_SECRET, anHourAgo + "\n" + body)).bodyValue(body)
                .exchange()
                .expectStatus().isUnauthorized();
        // the body signed without its timestamp, as before timestamps were required
        web.post().uri("/api/v1/sms/inbound").contentType(MediaType.APPLICATION_JSON).header("X-Timestamp", now)
                .header("X-Signature", HmacSignature.sign(WEBHOOK_SECRET, body)).bodyValue(body).exchange()
                .expectStatus().isUnauthorized();

        TicketReceived received = received("zh", true, "+8613900000011", null);
        topics.publish(received);
        OutboxText text = awaitTexts(received.ticketId(), 1).get(0);
        String receipt = "{\"messageId\":\"" + text.messageId() + "\",\"status\":\"DELIVERED\","
                + "\"at\":\"2026-11-28T02:00:00Z\"}";
        signed(web.post().uri("/api/v1/sms/receipts"), receipt).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("RECORDED");
        notifications(received.ticketId()).expectBody().jsonPath("$[0].deliveryStatus").isEqualTo("DELIVERED");
    }

    @Test
    void showsTheOutboxAndTheTextsToSupervisorsOnly() {
        web.get().uri("/api/v1/sms-outbox").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/sms-outbox").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/notifications").headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isBadRequest();
    }

    private TicketReceived resolvedTicket(String phone, String parent) {
        TicketReceived received = received("zh", true, phone, parent);
        topics.publish(received);
        topics.publish(resolved(received));
        awaitTexts(received.ticketId(), 2);
        return received;
    }

    private WebTestClient.ResponseSpec inbound(String messageId, String from, String text) {
        String body = "{\"messageId\":\"" + messageId + "\",\"from\":\"" + from + "\",\"text\":\"" + text
                + "\",\"receivedAt\":\"2026-11-28T03:00:00Z\"}";
        return signed(web.post().uri("/api/v1/sms/inbound"), body).exchange();
    }

    /** A webhook call as the provider signs it: the time of sending, a line feed and the body. */
    private static WebTestClient.RequestHeadersSpec<?> signed(WebTestClient.RequestBodySpec call, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return call.contentType(MediaType.APPLICATION_JSON).header("X-Timestamp", timestamp)
                .header("X-Signature", HmacSignature.sign(WEBHOOK_SECRET, timestamp + "\n" + body)).bodyValue(body);
    }

    private TicketReceived received(String language, boolean contactAllowed, String phone, String parent) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "WATER_SUPPLY", Urgency.HIGH,
                "no water since morning", null, null,
                new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE), sealer.hash(phone),
                        ContactSealer.mask(phone), null, language,
                        contactAllowed), false, null, null, parent);
    }

    /** A question answered on the call; {@code textAnswer}: the caller asked for the answer by text. */
    private TicketReceived answeredOnCall(String phone, boolean textAnswer) {
        String id = UUID.randomUUID().toString();
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id,
                "12345-20261128-" + id.substring(0, 4), Channel.PHONE, "SOCIAL_SECURITY", Urgency.NORMAL,
                "社保卡丢了怎么补办", null, null,
                new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE), sealer.hash(phone),
                        ContactSealer.mask(phone), null, "zh", true), true, "带身份证到市民中心一楼社保窗口补办，当场可取",
                null, null, null, null, "operator-01", textAnswer ? Boolean.TRUE : null);
    }

    private static TicketAssigned assigned(TicketReceived received) {
        Instant due = Instant.parse("2026-12-05T10:00:00Z");
        return new TicketAssigned(EventIds.of(received.ticketId(), "TicketAssigned", 1), Instant.now(),
                received.ticketId(), received.ticketNumber(), 1, "WATER_CO", "贵阳水务集团", List.of(),
                "WATER_SUPPLY", "YUNYAN", Priority.HIGH, due.minusSeconds(3600), due,
                new AssignmentReason("water", 1, "YY-04", List.of("category=WATER_SUPPLY")));
    }

    private static TicketResolved resolved(TicketReceived received) {
        return new TicketResolved(EventIds.of(received.ticketId(), "TicketResolved", 1), Instant.now(),
                received.ticketId(), "WATER_CO", ResolutionResult.SOLVED, "The pipe was repaired.", true);
    }

    private static TicketResolved resolved(TicketReceived received, int round) {
        return new TicketResolved(EventIds.of(received.ticketId(), "TicketResolved", round), Instant.now(),
                received.ticketId(), "WATER_CO", ResolutionResult.SOLVED, "The pipe was repaired.", true, false,
                round);
    }

    private static TicketReopened reopened(TicketReceived received, int round) {
        return new TicketReopened(EventIds.of(received.ticketId(), "TicketReopened", round), Instant.now(),
                received.ticketId(), "WATER_CO", "NOT_SOLVED", Instant.parse("2026-12-09T10:00:00Z"), round);
    }

    /** Waits until the citizen was asked about resolution {@code round}, so that a reply now answers it. */
    private void awaitQuestion(String ticketId, int round) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            CitizenContactRecord contact = mongo.findById(ticketId, CitizenContactRecord.class).block();
            return contact != null && contact.awaitingFeedbackSince() != null
                    && Integer.valueOf(round).equals(contact.feedbackRound());
        });
    }

    private WebTestClient.ResponseSpec notifications(String ticketId) {
        return web.get().uri("/api/v1/notifications?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk();
    }

    private List<OutboxText> awaitTexts(String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(ticketId).size() >= count);
        return texts(ticketId);
    }

    private List<OutboxText> texts(String ticketId) {
        return web.get().uri("/api/v1/sms-outbox?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange()
                .expectStatus().isOk()
                .expectBodyList(OutboxText.class).returnResult().getResponseBody();
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
