package org.hotline12345.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.embedded.testing.Races;
import org.hotline12345.platform.pii.ContactSealer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Numbers given on public channels, where anyone may give anyone's: the receipt carries a one-time code and the
 * follow link, and is the only text until the code is entered or the link's token presented; a number gets at most
 * three such texts a day; guesses of a code are bounded however fast they come, and spent tries cost a new code,
 * never the ticket's texts.
 */
@HubIntegrationTest(database = "notification-public-numbers-it", properties = {
        "hotline.notification.quiet-from=00:00", "hotline.notification.quiet-to=00:00",
        "hotline.notification.verification.attempts-per-address=100",
        "hotline.notification.verification.code-requests-per-address=100"})
class PublicNumbersIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    private static final Pattern CODE = Pattern.compile("验证码(\\d{6})");
    private static final Pattern LINK = Pattern.compile(
            "http://127\\.0\\.0\\.1:8081/t/12345-\\d{8}-\\d+\\.[A-Za-z0-9_-]{16}");
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());

    @Autowired
    WebTestClient web;
    @Autowired
    ContactSealer sealer;

    @Test
    void textsNothingButTheReceiptWithItsCodeUntilTheCodeIsEntered() {
        TicketReceived received = received("+8613900000401", Channel.WEB);
        topics.publish(received);
        String code = codeIn(awaitTexts(received.ticketId(), 1).get(0));
        topics.publish(assigned(received, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(received.ticketId()))
                .extracting(n -> n.get("status") + ":" + n.get("suppressedBecause"))
                .containsExactly("SENT:null", "SUPPRESSED:UNVERIFIED_NUMBER"));
        String wrong = code.equals("000000") ? "000001" : "000000";
        verify(received.ticketNumber(), wrong).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        verify("12345-19990101-0001", code).expectStatus().isNotFound();
        verify(received.ticketNumber(), code).expectStatus().isOk().expectBody().jsonPath("$.verified").isEqualTo(true);

        topics.publish(assigned(received, 2));

        assertThat(awaitTexts(received.ticketId(), 2).get(1)).contains("贵阳水务集团");
    }

    @Test
    void showsSupervisorsTheReceiptWithoutItsCodeOrItsLinksToken() {
        TicketReceived received = received("+8613900000411", Channel.WEB);
        topics.publish(received);
        // the dev outbox stands in for the provider and holds what the citizen's phone got
        String sent = awaitTexts(received.ticketId(), 1).get(0);
        String code = codeIn(sent);
        String link = linkIn(sent);
        String token = link.substring(link.lastIndexOf('.') + 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(received.ticketId()))
                .singleElement().satisfies(text -> assertThat((String) text.get("text"))
                        .doesNotContain(code).doesNotContain(token)
                        .contains("验证码******")
                        .contains("/t/" + received.ticketNumber() + ".••••")));
        assertThat(notifications(received.ticketId()).get(0).get("to")).isEqualTo("139****0411");
    }

    @Test
    void givesACallersNumberItsTextsWithoutACode() {
        TicketReceived received = received("+8613900000402", Channel.PHONE);
        topics.publish(received);
        topics.publish(assigned(received, 1));

        assertThat(awaitTexts(received.ticketId(), 2).get(0)).doesNotContain("验证码");
        verify(received.ticketNumber(), "123456").expectStatus().isNotFound();
    }

    @Test
    void textsOneNumberAtMostThreeTimesADayFromPublicChannels() {
        List<TicketReceived> complaints = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TicketReceived received = received("+8613900000403", i % 2 == 0 ? Channel.WEB : Channel.OPEN311);
            complaints.add(received);
            topics.publish(received);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(complaints.stream()
                .flatMap(c -> notifications(c.ticketId()).stream()).map(n -> (String) n.get("status")).toList())
                .hasSize(4).containsOnly("SENT", "SUPPRESSED").filteredOn("SENT"::equals).hasSize(3));
        assertThat(complaints.stream().flatMap(c -> notifications(c.ticketId()).stream())
                .filter(n -> "SUPPRESSED".equals(n.get("status"))).map(n -> n.get("suppressedBecause")))
                .containsExactly("DAILY_CAP");
    }

    @Test
    void letsFiveGuessesOfACodeRacedAtOnceThroughAndNoMore() throws Exception {
        TicketReceived received = received("+8613900000404", Channel.WEB);
        topics.publish(received);
        String code = codeIn(awaitTexts(received.ticketId(), 1).get(0));
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; guesses.size() < 20; i++) {
            String guess = String.format("%06d", 100_000 + i);
            if (!guess.equals(code)) {
                guesses.add(() -> verify(received.ticketNumber(), guess).returnResult(String.class).getStatus()
                        .value());
            }
        }

        List<Integer> answers = Races.atOnce(guesses);

        assertThat(answers).containsOnly(404);
        // five wrong tries spent the code: the right one is refused now as any guess is
        verify(received.ticketNumber(), code).expectStatus().isNotFound();
    }

    @Test
    void sendsANewCodeWhenTheTriesOfTheLastOneAreSpentAndTheNewOneVerifies() {
        TicketReceived received = received("+8613900000405", Channel.WEB);
        topics.publish(received);
        String first = codeIn(awaitTexts(received.ticketId(), 1).get(0));
        // a stranger walking the numbers spends the code's five tries
        for (int i = 0; i < PhoneVerification.MOST_ATTEMPTS; i++) {
            verify(received.ticketNumber(), wrongFor(first, i)).expectStatus().isNotFound();
        }
        verify(received.ticketNumber(), first).expectStatus().isNotFound();

        askForCode(received.ticketNumber()).expectStatus().isAccepted()
                .expectBody().jsonPath("$.ticketNumber").isEqualTo(received.ticketNumber());

        List<String> texts = awaitTexts(received.ticketId(), 2);
        assertThat(texts.get(1)).contains(linkIn(texts.get(0)));
        String second = codeIn(texts.get(1));
        verify(received.ticketNumber(), second).expectStatus().isOk().expectBody().jsonPath("$.verified")
                .isEqualTo(true);
        topics.publish(assigned(received, 1));
        assertThat(awaitTexts(received.ticketId(), 3).get(2)).contains("贵阳水务集团");
    }

    @Test
    void provesTheNumberWithTheTokenOfTheReceiptsLinkWhichNoGuessesSpend() throws Exception {
        TicketReceived received = received("+8613900000406", Channel.WEB);
        topics.publish(received);
        String link = linkIn(awaitTexts(received.ticketId(), 1).get(0));
        String token = link.substring(link.lastIndexOf('.') + 1);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = String.format("%016d", i);
            guesses.add(() -> verifyByLink(received.ticketNumber(), guess).returnResult(String.class).getStatus()
                    .value());
        }
        assertThat(Races.atOnce(guesses)).containsOnly(404);
        verifyByLink("12345-19990101-0001", token).expectStatus().isNotFound();

        verifyByLink(received.ticketNumber(), token).expectStatus().isOk().expectBody().jsonPath("$.verified")
                .isEqualTo(true);
        topics.publish(assigned(received, 1));
        assertThat(awaitTexts(received.ticketId(), 2).get(1)).contains("贵阳水务集团");
    }

    @Test
    void sendsANumberFewNewCodesADayAndAnswersAnUnknownTicketAlike() {
        TicketReceived received = received("+8613900000407", Channel.WEB);
        topics.publish(received);
        awaitTexts(received.ticketId(), 1);
        String unknown = "12345-19990101-0002";

        for (String ticketNumber : List.of(received.ticketNumber(), unknown)) {
            for (int i = 0; i < 3; i++) {
                askForCode(ticketNumber).expectStatus().isAccepted();
            }
            askForCode(ticketNumber).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // the number's texts of the day are capped as ever: the receipt and two of the three codes went out
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications(received.ticketId()))
                .extracting(n -> n.get("status") + ":" + n.get("suppressedBecause"))
                .containsExactlyInAnyOrder("SENT:null", "SENT:null", "SENT:null", "SUPPRESSED:DAILY_CAP"));
    }

    private static String wrongFor(String code, int i) {
        String guess = String.format("%06d", 100_000 + i);
        return guess.equals(code) ? String.format("%06d", 200_000 + i) : guess;
    }

    private static String linkIn(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a follow link in " + text).isTrue();
        return matcher.group();
    }

    private WebTestClient.ResponseSpec askForCode(String ticketNumber) {
        return web.post().uri("/api/v1/public/phone-verifications/codes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", ticketNumber)).exchange();
    }

    private WebTestClient.ResponseSpec verifyByLink(String ticketNumber, String token) {
        return web.post().uri("/api/v1/public/phone-verifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", ticketNumber, "token", token)).exchange();
    }

    private static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as("a code in " + text).isTrue();
        return matcher.group(1);
    }

    private WebTestClient.ResponseSpec verify(String ticketNumber, String code) {
        return web.post().uri("/api/v1/public/phone-verifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", ticketNumber, "code", code)).exchange();
    }

    private TicketReceived received(String phone, Channel channel) {
        String id = UUID.randomUUID().toString();
        String number = "12345-20261201-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), Instant.now(), id, number, channel,
                "WATER_SUPPLY", Urgency.NORMAL, "no water", null, null, new CitizenContact(sealer.seal(phone, id, ContactSealer.Field.PHONE),
                        sealer.hash(phone), ContactSealer.mask(phone), null, "zh", true), false, null, null, null);
    }

    private static TicketAssigned assigned(TicketReceived received, int assignment) {
        Instant due = Instant.now().plusSeconds(86_400);
        return new TicketAssigned(EventIds.of(received.ticketId(), "TicketAssigned", assignment), Instant.now(),
                received.ticketId(), received.ticketNumber(), assignment, "WATER_CO", "贵阳水务集团", List.of(),
                "WATER_SUPPLY", "YUNYAN", Priority.NORMAL, due.minusSeconds(3600), due,
                new AssignmentReason("water", 1, "YY-04", List.of()));
    }

    private List<Map<String, Object>> notifications(String ticketId) {
        return web.get().uri("/api/v1/notifications?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(MAP).returnResult().getResponseBody();
    }

    private List<String> awaitTexts(String ticketId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(ticketId).size() >= count);
        return texts(ticketId);
    }

    /** The texts of a ticket, oldest first. */
    private List<String> texts(String ticketId) {
        List<String> newestFirst = web.get().uri("/api/v1/sms-outbox?ticketId={id}", ticketId)
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(MAP).returnResult().getResponseBody().stream().map(t -> (String) t.get("text"))
                .toList();
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
