package org.hotline12345.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.routing.assignment.TicketView;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a unit needs to act on a ticket (where, and the caller's number on the record) and what the desk needs to
 * find any ticket, against the real broker and wire server.
 */
@HubIntegrationTest(database = "routing-desk-it")
class CallBackAndSearchIT {

    private static final AtomicReference<Instant> RECEIVED_AT = new AtomicReference<>(Instant.EPOCH);

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    /** The contact keys the service runs with, so that the test seals and hashes as intake does. */
    static final ContactSealer sealer = new ContactSealer(
            Base64.getDecoder().decode(SharedTestInfrastructure.TEST_SEAL_KEY),
            Base64.getDecoder().decode(SharedTestInfrastructure.TEST_HASH_KEY));
    static final GeoPoint ZHONGHUA_NORTH_ROAD = new GeoPoint(26.5785, 106.7135);
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.ROUTING_TICKETS);

    @Autowired
    WebTestClient web;
    @Autowired
    MeterRegistry meters;

    @Test
    void showsTheGasCompanyWhereTheLeakIsAndGivesItTheCallersNumberOnTheRecord() {
        String phone = mobile();
        TicketReceived leak = gasLeak(contact(phone, "张先生", true), "云岩区中华北路18号3单元");
        String gasCo = infra.tokens().mintUnit("gas-dispatcher-1", "GAS_CO");
        double revealsBefore = reveals();

        assertThat(dispatch(leak).unitId()).isEqualTo("GAS_CO");

        String view = json(get("/api/v1/tickets/" + leak.ticketId(), gasCo).expectStatus().isOk());
        get("/api/v1/tickets/" + leak.ticketId(), gasCo).expectBody()
                .jsonPath("$.address").isEqualTo("云岩区中华北路18号3单元")
                .jsonPath("$.location.lat").isEqualTo(26.5785)
                .jsonPath("$.location.lon").isEqualTo(106.7135)
                .jsonPath("$.callerReachable").isEqualTo(true);
        String queue = json(get("/api/v1/tickets?list=open&size=200", gasCo).expectStatus().isOk());
        String desk = json(get("/api/v1/tickets?size=200", supervisor()).expectStatus().isOk());
        assertThat(List.of(view, queue, desk)).allSatisfy(body -> assertThat(body)
                .contains(leak.ticketNumber()).doesNotContain(national(phone)).doesNotContain("张先生"));

        post("/api/v1/tickets/" + leak.ticketId() + "/caller", gasCo).expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"))
                .expectBody()
                .jsonPath("$.phone").isEqualTo(phone)
                .jsonPath("$.name").isEqualTo("张先生")
                .jsonPath("$.revealedAt").isNotEmpty();

        get("/api/v1/tickets/" + leak.ticketId() + "/caller-reveals", supervisor()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].ticketId").isEqualTo(leak.ticketId())
                .jsonPath("$[0].subject").isEqualTo("gas-dispatcher-1")
                .jsonPath("$[0].name").isEqualTo("gas-dispatcher-1")
                .jsonPath("$[0].unitId").isEqualTo("GAS_CO")
                .jsonPath("$[0].role").isEqualTo("UNIT")
                .jsonPath("$[0].at").isNotEmpty();
        assertThat(reveals()).isEqualTo(revealsBefore + 1);
        assertThat(reader.allEventsFor(leak.ticketId(), TicketLifecycleEvent.class)).allSatisfy(event ->
                assertThat(event.toString()).doesNotContain(national(phone)));
    }

    @Test
    void neverRevealsACallerToAnotherUnitNorTheRecordToAUnit() {
        TicketReceived leak = gasLeak(contact(mobile(), null, true), "云岩区中华北路20号");
        dispatch(leak);

        post("/api/v1/tickets/" + leak.ticketId() + "/caller", infra.tokens().mintUnit("w-1", "WATER_CO"))
                .expectStatus().isNotFound();
        post("/api/v1/tickets/" + leak.ticketId() + "/caller", infra.tokens().mint("an-1", "ANALYST"))
                .expectStatus().isForbidden();
        get("/api/v1/tickets/" + leak.ticketId() + "/caller-reveals", infra.tokens().mintUnit("g-1", "GAS_CO"))
                .expectStatus().isForbidden();
        get("/api/v1/tickets/" + leak.ticketId() + "/caller-reveals", supervisor()).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);

        // a supervisor may call back too; a caller who gave no name reads as null
        post("/api/v1/tickets/" + leak.ticketId() + "/caller", supervisor()).expectStatus().isOk()
                .expectBody().jsonPath("$.name").doesNotExist();
        get("/api/v1/tickets/" + leak.ticketId() + "/caller-reveals", supervisor()).expectStatus().isOk()
                .expectBody().jsonPath("$[0].role").isEqualTo("SUPERVISOR").jsonPath("$[0].unitId").doesNotExist();
    }

    @Test
    void refusesToRevealAnAnonymousCallerOrOneWhoDidNotAgreeToBeCalled() {
        TicketReceived anonymous = gasLeak(new Caller(null, null, false), null);
        TicketReceived unwilling = gasLeak(contact(mobile(), "李女士", false), "南明区花果园");
        dispatch(anonymous);
        dispatch(unwilling);
        String gasCo = infra.tokens().mintUnit("g-1", "GAS_CO");

        get("/api/v1/tickets/" + anonymous.ticketId(), gasCo).expectBody()
                .jsonPath("$.callerReachable").isEqualTo(false).jsonPath("$.address").doesNotExist();
        post("/api/v1/tickets/" + anonymous.ticketId() + "/caller", gasCo).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.action").isEqualTo("CALL_BACK")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("the caller gave no phone number"));
        post("/api/v1/tickets/" + unwilling.ticketId() + "/caller", gasCo).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("did not agree to be contacted"));
        get("/api/v1/tickets/" + unwilling.ticketId() + "/caller-reveals", supervisor()).expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void findsAnyTicketForTheDeskByNumberByCallerAndByWords() {
        String phone = mobile();
        String word = "kx" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        TicketReceived first = gasLeak(contact(phone, "王先生", true), "观山湖区长岭北路" + word);
        TicketReceived answered = received("CONSULTATION", "燃气开户要带什么材料 " + word, null,
                contact(phone, "王先生", true), true);
        TicketReceived stranger = gasLeak(contact(mobile(), null, true), "云岩区中华北路18号");
        dispatch(first);
        topics.publish(answered);
        awaitEvent(answered.ticketId(), TicketClosed.class);
        dispatch(stranger);

        assertThat(search(answered.ticketNumber())).containsExactly(answered.ticketId());
        assertThat(search(national(phone).substring(0, 3) + " " + national(phone).substring(3, 7) + " "
                + national(phone).substring(7))).containsExactly(answered.ticketId(), first.ticketId());
        assertThat(search(phone)).containsExactly(answered.ticketId(), first.ticketId());
        assertThat(search("0086" + national(phone))).containsExactly(answered.ticketId(), first.ticketId());
        assertThat(search(word.toUpperCase())).containsExactly(answered.ticketId(), first.ticketId());
        assertThat(search("长岭北路 " + word)).containsExactly(first.ticketId());
        assertThat(search(word + " 没有这个词")).isEmpty();
        get("/api/v1/tickets/search?q=" + answered.ticketNumber(), supervisor()).expectBody()
                .jsonPath("$[0].status").isEqualTo("CLOSED");
    }

    @Test
    void keepsTheSearchForSupervisorsAndRefusesWhatItCannotRead() {
        get("/api/v1/tickets/search?q=燃气", infra.tokens().mintUnit("g-1", "GAS_CO")).expectStatus().isForbidden();
        get("/api/v1/tickets/search?q=x", supervisor()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        get("/api/v1/tickets/search?q=12345-2026", supervisor()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.errors[0].code").isEqualTo("format");
        get("/api/v1/tickets/search", supervisor()).expectStatus().isBadRequest();
    }

    private List<String> search(String q) {
        return web.get().uri(b -> b.path("/api/v1/tickets/search").queryParam("q", "{q}").build(q))
                .headers(h -> h.setBearerAuth(supervisor())).exchange().expectStatus().isOk()
                .expectBodyList(TicketView.class).returnResult().getResponseBody().stream()
                .map(TicketView::ticketId).toList();
    }

    private double reveals() {
        return meters.find("hotline.caller.reveals").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static TicketAssigned dispatch(TicketReceived received) {
        topics.publish(received);
        return awaitEvent(received.ticketId(), TicketAssigned.class);
    }

    private static TicketReceived gasLeak(Caller citizen, String address) {
        return received("GAS_SUPPLY", "楼道里有很重的煤气味，怀疑燃气泄漏", address, citizen, false);
    }

    /**
     * When each test ticket was received: a millisecond apart at least, as MongoDB keeps times, so that "newest
     * first" has one answer.
     */
    private static Instant receivedAt() {
        return RECEIVED_AT.updateAndGet(last -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return now.isAfter(last) ? now : last.plusMillis(1);
        });
    }

    private static TicketReceived received(String category, String description, String address,
            Caller caller, boolean resolvedOnCall) {
        String id = UUID.randomUUID().toString();
        CitizenContact citizen = caller == null ? null : caller.e164() == null
                ? new CitizenContact(null, null, null, null, "zh", caller.contactAllowed()) : new CitizenContact(
                sealer.seal(caller.e164(), id, ContactSealer.Field.PHONE), sealer.hash(caller.e164()),
                ContactSealer.mask(caller.e164()), sealer.seal(caller.name(), id, ContactSealer.Field.NAME), "zh",
                caller.contactAllowed());
        return new TicketReceived(EventIds.of(id, "TicketReceived", 1), receivedAt(), id,
                "12345-20261206-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000), Channel.PHONE,
                category, Urgency.URGENT, description, ZHONGHUA_NORTH_ROAD,
                address == null ? null : new Address(address, "YUNYAN", null), citizen, resolvedOnCall,
                resolvedOnCall ? "带身份证和房产证到营业厅办理" : null, null, null);
    }

    /** A caller as intake registers them; their number and name are sealed to the ticket they call about. */
    private record Caller(String e164, String name, boolean contactAllowed) {
    }

    private static Caller contact(String e164, String name, boolean contactAllowed) {
        return new Caller(e164, name, contactAllowed);
    }

    /** A mobile number nobody else in the class has, in E.164. */
    private static String mobile() {
        return "+86139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private static String national(String e164) {
        return e164.substring(3);
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String token) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static String json(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    private static <T extends TicketLifecycleEvent> T awaitEvent(String ticketId, Class<T> type) {
        return reader.awaitEvents(ticketId, TicketLifecycleEvent.class, type).get(0);
    }

    private static String supervisor() {
        return infra.tokens().mint("sup-1", "SUPERVISOR");
    }
}
