package org.hotline12345.intake.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.tickets.TicketReceipt;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The website's form, grid workers' reports, the citizen's look-up, repeats and merged incidents. */
@HubIntegrationTest(database = "intake-channels-it", properties = {
        "hotline.intake.limits.complaints-per-address=5", "hotline.intake.limits.complaints-per-phone=2",
        "hotline.intake.limits.lookups-per-address=4", "hotline.intake.limits.window=1h"})
class ChannelsIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.INTAKE_TICKETS);

    @Autowired
    WebTestClient web;
    @Autowired
    FollowTokens tokens;

    @Test
    void takesComplaintsFromTheWebsiteWithoutATokenAndLimitsThemPerNumberAndAddress() {
        PublicReceipt first = complaint("13700000001").expectStatus().isAccepted()
                .expectBody(PublicReceipt.class).returnResult().getResponseBody();
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.readToEnd().stream()
                .map(r -> EventCodec.read(r.value(), IntakeEvent.class))
                .anyMatch(e -> e instanceof TicketReceived r && first.ticketNumber().equals(r.ticketNumber())
                        && "137****0001".equals(r.citizen().maskedPhone())));
        // other test classes' services number their tickets too: the number and the masked phone make it this one
        TicketReceived event = reader.readToEnd().stream().map(r -> EventCodec.read(r.value(), IntakeEvent.class))
                .filter(e -> e instanceof TicketReceived r && first.ticketNumber().equals(r.ticketNumber())
                        && "137****0001".equals(r.citizen().maskedPhone()))
                .map(TicketReceived.class::cast).findFirst().orElseThrow();
        assertThat(event.channel()).isEqualTo(Channel.WEB);
        assertThat(new String(EventCodec.write(event), StandardCharsets.UTF_8)).doesNotContain("13700000001");

        complaint("137 0000 0001").expectStatus().isAccepted();
        int before = reader.readToEnd().size();
        complaint("13700000001").expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        complaint("13700000002").expectStatus().isAccepted();
        complaint("13700000003").expectStatus().isAccepted();
        // a forwarded-for header from a peer that is no configured proxy buys no bucket of its own
        web.post().uri("/api/v1/complaints").header("X-Forwarded-For", "203.0.113.77")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"phone":"13700000004","description":"小区门口垃圾堆了一周没人清运",
                         "address":"南明区花果园大街1号","category":"CITY_APPEARANCE"}""").exchange()
                .expectStatus().isEqualTo(429);
        assertThat(reader.readToEnd()).hasSize(before + 2);
    }

    @Test
    void takesGridWorkersReportsInTheirGridAndTextsNobody() {
        TicketReceipt receipt = report("YY-04").expectStatus().isAccepted().expectBody(TicketReceipt.class)
                .returnResult().getResponseBody();

        TicketReceived event = event(receipt.ticketId());
        assertThat(event.channel()).isEqualTo(Channel.GRID);
        assertThat(event.citizen().contactAllowed()).isFalse();
        assertThat(event.citizen().sealedPhone()).isNull();
        web.post().uri("/api/v1/grid-reports").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(gridReport("YY-04")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void refusesAReportForAnotherGridThanTheTokensAndAGridWorkersTokenWithoutAGrid() {
        for (String other : List.of("YY-05", "ZZ-99")) {
            report(other).expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.post().uri("/api/v1/grid-reports").headers(h -> h.setBearerAuth(infra.tokens().mint("grid-02",
                "GRID_WORKER"))).contentType(MediaType.APPLICATION_JSON).bodyValue(gridReport("YY-04")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        // a liaison whose token names the grid in their care reports for that grid only
        String liaison = infra.tokens().mint("liaison-2", List.of("LIAISON"), null, "YY-04", Duration.ofHours(1));
        web.post().uri("/api/v1/liaison-reports").headers(h -> h.setBearerAuth(liaison))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(gridReport("YY-05")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        TicketReceipt receipt = web.post().uri("/api/v1/liaison-reports").headers(h -> h.setBearerAuth(liaison))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(gridReport("YY-04")).exchange()
                .expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult().getResponseBody();
        assertThat(event(receipt.ticketId()).channel()).isEqualTo(Channel.LIAISON);
    }

    @Test
    void takesHouseholdLiaisonsReportsAsAChannelOfTheirOwn() {
        String report = """
                {"description":"3号楼独居老人家里水管爆裂，需要帮助","location":{"lat":26.5745,"lon":106.7165},
                 "gridId":"YY-04","category":"WATER_SUPPLY"}""";
        TicketReceipt receipt = web.post().uri("/api/v1/liaison-reports")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("liaison-1", "LIAISON")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(report).exchange()
                .expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(event(receipt.ticketId()).channel()).isEqualTo(Channel.LIAISON);
        // a liaison whose token names no grid may report for any grid of the city, and only for one of the city
        web.post().uri("/api/v1/liaison-reports")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("liaison-1", "LIAISON")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(gridReport("ZZ-99")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("gridId");
        // each reports through their own door only
        web.post().uri("/api/v1/liaison-reports").headers(h -> h.setBearerAuth(infra.tokens().mint("grid-01",
                "GRID_WORKER"))).contentType(MediaType.APPLICATION_JSON).bodyValue(report).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/grid-reports").headers(h -> h.setBearerAuth(infra.tokens().mint("liaison-1",
                "LIAISON"))).contentType(MediaType.APPLICATION_JSON).bodyValue(report).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void infersUrgencyFromTheCallersWords() {
        TicketReceipt receipt = call("13800000010", "GAS_SUPPLY", "楼道里有很重的煤气味", 26.5601, 106.6801)
                .expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(event(receipt.ticketId()).urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void linksARepeatCallToTheOpenTicketInsteadOfMakingANewCase() {
        TicketReceipt first = call("13800000020", "HEATING", "暖气不热已经三天了", 26.5901, 106.7201)
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt again = call("13800000020", "HEATING", "还是不热，催一下", 26.5901, 106.7201)
                .expectStatus().isAccepted().expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(again.repeatOf()).isEqualTo(first.ticketId());
        assertThat(again.status()).isEqualTo("LINKED");
        assertThat(event(again.ticketId()).repeatOf()).isEqualTo(first.ticketId());
        // the staff's view of the linked ticket says which ticket it joined, and why
        staffView(again.ticketId()).jsonPath("$.linkedTo.ticketId").isEqualTo(first.ticketId())
                .jsonPath("$.linkedTo.ticketNumber").isEqualTo(first.ticketNumber())
                .jsonPath("$.linkedTo.why").isEqualTo("REPEAT");
        staffView(first.ticketId()).jsonPath("$.linkedTo").doesNotExist();
    }

    @Test
    void makesOneOriginalOfCallsFromOneNumberThatArriveAtOnce() throws Exception {
        int calls = 8;
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TicketReceipt>> receipts = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            // far apart, so that only the repeat check can link them
            double lat = 26.50 + i * 0.01;
            receipts.add(callers.submit(() -> {
                start.await();
                return call("13800000050", "POWER_SUPPLY", "小区停电了", lat, 106.65).expectStatus().isAccepted()
                        .expectBody(TicketReceipt.class).returnResult().getResponseBody();
            }));
        }
        start.countDown();
        List<TicketReceipt> answered = new ArrayList<>();
        for (Future<TicketReceipt> receipt : receipts) {
            answered.add(receipt.get(60, TimeUnit.SECONDS));
        }
        callers.shutdown();

        List<TicketReceipt> originals = answered.stream().filter(r -> r.repeatOf() == null).toList();
        assertThat(originals).hasSize(1);
        assertThat(answered).filteredOn(r -> r.repeatOf() != null).hasSize(calls - 1)
                .allSatisfy(r -> assertThat(r.repeatOf()).isEqualTo(originals.get(0).ticketId()));
    }

    @Test
    void mergesAnotherCallersReportOfTheSameIncidentNearby() {
        TicketReceipt first = call("13800000030", "WATER_SUPPLY", "路口水管爆裂，水流成河", 26.5700, 106.7000)
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt near = call("13800000031", "WATER_SUPPLY", "这里水管爆了", 26.5708, 106.7003)
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        TicketReceipt far = call("13800000032", "WATER_SUPPLY", "另一个水管爆了", 26.5760, 106.7000)
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();

        assertThat(near.parentIncidentId()).isEqualTo(first.ticketId());
        assertThat(event(near.ticketId()).parentIncidentId()).isEqualTo(first.ticketId());
        assertThat(far.parentIncidentId()).isNull();
        staffView(near.ticketId()).jsonPath("$.linkedTo.ticketNumber").isEqualTo(first.ticketNumber())
                .jsonPath("$.linkedTo.why").isEqualTo("SAME_INCIDENT");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec staffView(String ticketId) {
        return web.get().uri("/api/v1/intake/tickets/{id}", ticketId)
                .headers(h -> h.setBearerAuth(infra.tokens().mint("sup-1", "SUPERVISOR"))).exchange()
                .expectStatus().isOk().expectBody();
    }

    /** Four look-ups per address here: the fifth is refused whatever it carries. */
    @Test
    void showsACitizenTheirTicketOnlyForTheTokenOfTheirLinkAndAnswersEveryOtherLookUpAlike() {
        TicketReceipt receipt = call("13800000040", "NOISE", "广场舞音响太吵", 26.5801, 106.6901)
                .expectBody(TicketReceipt.class).returnResult().getResponseBody();
        String token = tokens.tokenFor(receipt.ticketNumber());

        lookUp(receipt.ticketNumber(), token).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ticketNumber").isEqualTo(receipt.ticketNumber())
                .jsonPath("$.timeline[0].status").isEqualTo("RECEIVED")
                .jsonPath("$.maskedPhone").doesNotExist()
                .jsonPath("$.description").doesNotExist();
        String otherToken = tokens.tokenFor("12345-19990101-0001");
        List<String> refused = List.of(
                notFound(lookUp(receipt.ticketNumber(), otherToken)),
                notFound(lookUp("12345-19990101-0001", token)),
                notFound(web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"ticketNumber\":\"" + receipt.ticketNumber() + "\",\"token\":\"0040\"}")
                        .exchange()));
        // a wrong token, an unknown number and a malformed token cannot be told apart
        assertThat(refused).containsOnly(refused.get(0));
        assertThat(refused.get(0)).contains("\"code\":\"not-found\"").doesNotContain(receipt.ticketNumber());

        lookUp(receipt.ticketNumber(), token).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
    }

    private String notFound(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus().isNotFound().expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody(String.class)
                .returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec lookUp(String ticketNumber, String token) {
        return web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("ticketNumber", ticketNumber, "token", token)).exchange();
    }

    private TicketReceived event(String ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.recordsFor(ticketId).isEmpty());
        ConsumerRecord<String, byte[]> record = reader.recordsFor(ticketId).get(0);
        return (TicketReceived) EventCodec.read(record.value(), IntakeEvent.class);
    }

    private WebTestClient.ResponseSpec complaint(String phone) {
        return web.post().uri("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"phone":"%s","name":"李女士","description":"小区门口垃圾堆了一周没人清运",
                 "address":"南明区花果园大街1号","category":"CITY_APPEARANCE"}""".formatted(phone)).exchange();
    }

    private WebTestClient.ResponseSpec report(String gridId) {
        return web.post().uri("/api/v1/grid-reports")
                .headers(h -> h.setBearerAuth(infra.tokens().mintGridWorker("grid-01", "YY-04")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(gridReport(gridId)).exchange();
    }

    private static String gridReport(String gridId) {
        return """
                {"description":"人行道井盖缺失，有安全隐患","location":{"lat":26.5785,"lon":106.7135},
                 "gridId":"%s","category":"CITY_APPEARANCE"}""".formatted(gridId);
    }

    private WebTestClient.ResponseSpec call(String phone, String category, String description, double lat,
            double lon) {
        return web.post().uri("/api/v1/calls").headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"%s","description":"%s","location":{"lat":%s,"lon":%s},"category":"%s"}"""
                        .formatted(phone, description, lat, lon, category)).exchange();
    }
}
