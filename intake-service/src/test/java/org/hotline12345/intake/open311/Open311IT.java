package org.hotline12345.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.IntakeEvent;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.testing.HubIntegrationTest;
import org.hotline12345.intake.FiledTicketTests;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import reactor.core.publisher.Flux;
/** A GeoReport v2 client's view: services, submitting, tokens, reading back the real state, errors; JSON and XML. */
@HubIntegrationTest(database = "intake-open311-it", properties = {
        "hotline.intake.open311.api-keys=client-key-1,client-key-2", "hotline.intake.open311.requests-per-key=50"})
class Open311IT extends FiledTicketTests {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    @AutoClose
    static final EventTopics topics = new EventTopics(infra.kafka());
    @AutoClose
    static final EventTopics.Reader reader = topics.reader(Topics.INTAKE_TICKETS);
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() { };

    @Test
    void discoversTheEndpointAndListsTheCategoriesAsServicesInJsonAndXml() throws Exception {
        // the address a client is sent on to comes from the city's settings, never from a Host anyone can set
        web.get().uri("/open311/v2/discovery.json").header("Host", "attacker.example").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.endpoints[0].specification").isEqualTo("http://wiki.open311.org/GeoReport_v2")
                .jsonPath("$.endpoints[0].url").isEqualTo("/open311/v2")
                .jsonPath("$.endpoints[0].formats.length()").isEqualTo(2);
        List<Map<String, Object>> services = getList("/open311/v2/services.json");
        assertThat(services).hasSize(22);
        assertThat(services).anySatisfy(s -> {
            assertThat(s.get("service_code")).isEqualTo("WATER_SUPPLY");
            assertThat(s.get("service_name")).isEqualTo("供水");
            assertThat(s.get("metadata")).isEqualTo(true);
            assertThat(s.get("type")).isEqualTo("realtime");
        });

        Document xml = getXml("/open311/v2/services.xml?jurisdiction_id=12345.sample-city");
        assertThat(((NodeList) xpath(xml, "/services/service", XPathConstants.NODESET)).getLength()).isEqualTo(22);
        assertThat(xpath(xml, "/services/service[service_code='NOISE']/service_name", XPathConstants.STRING))
                .isEqualTo("噪音扰民");
        Document definition = getXml("/open311/v2/services/NOISE.xml");
        assertThat(xpath(definition, "/service_definition/attributes/attribute[code='URGENCY']/values/value[2]/key",
                XPathConstants.STRING)).isEqualTo("HIGH");
    }

    @Test
    void submitsARequestResolvesItsTokenAndFollowsItUntilTheUnitHasResolvedIt() throws Exception {
        MultiValueMap<String, String> form = form("client-key-1", "WATER_SUPPLY", "26.5801", "106.7101",
                "云岩区中华北路20号门口的水管爆了，水流到马路上");
        form.add("phone", "139 0000 3101");
        form.add("first_name", "Lan");
        form.add("attribute[URGENCY]", "URGENT");
        form.add("email", "lan@example.org");

        Map<String, Object> receipt = submit("json", form).expectStatus().isOk().expectBody(LIST)
                .returnResult().getResponseBody().get(0);
        String number = (String) receipt.get("service_request_id");
        String token = (String) receipt.get("token");
        assertThat(number).matches("12345-\\d{8}-\\d{4,6}");
        TicketReceived received = received(token);
        assertThat(received.channel()).isEqualTo(Channel.OPEN311);
        assertThat(received.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(received.citizen().maskedPhone()).isEqualTo("139****3101");
        assertThat(getList("/open311/v2/tokens/" + token + ".json").get(0)).containsEntry("service_request_id", number);

        Map<String, Object> open = getList("/open311/v2/requests/" + number + ".json").get(0);
        assertThat(open).containsEntry("status", "open").containsEntry("service_code", "WATER_SUPPLY")
                .containsEntry("lat", 26.58).containsEntry("long", 106.71)
                .containsEntry("address", null).containsEntry("agency_responsible", null);
        assertThat(open.toString()).doesNotContain("3101").doesNotContain("Lan").doesNotContain("example.org");

        Instant assignedAt = Instant.now();
        Instant resolveBy = assignedAt.plus(Duration.ofHours(4));
        topics.publish(new TicketAssigned(EventIds.of(token, "TicketAssigned", 1), assignedAt, token, number, 1,
                "WATER_CO", "贵阳市供水公司", List.of(), "WATER_SUPPLY", "YUNYAN", Priority.URGENT,
                assignedAt.plus(Duration.ofHours(1)), resolveBy, new AssignmentReason("water", 1, "YY-04", List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "贵阳市供水公司".equals(
                getList("/open311/v2/requests/" + number + ".json").get(0).get("agency_responsible")));
        Map<String, Object> assigned = getList("/open311/v2/requests/" + number + ".json").get(0);
        assertThat(OffsetDateTime.parse((String) assigned.get("expected_datetime")).toInstant())
                .isEqualTo(resolveBy.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat((String) assigned.get("expected_datetime")).endsWith("+08:00");

        topics.publish(new TicketResolved(EventIds.of(token, "TicketResolved", 1), Instant.now(), token, "WATER_CO",
                ResolutionResult.SOLVED, "水管已于今天下午修复，供水恢复正常。", true, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "closed".equals(
                getList("/open311/v2/requests/" + number + ".json").get(0).get("status")));
        Document xml = getXml("/open311/v2/requests/" + number + ".xml");
        assertThat(xpath(xml, "/service_requests/request/status", XPathConstants.STRING)).isEqualTo("closed");
        assertThat(xpath(xml, "/service_requests/request/status_notes", XPathConstants.STRING))
                .isEqualTo("水管已于今天下午修复，供水恢复正常。");
        assertThat(getList("/open311/v2/requests.json?status=closed&service_code=WATER_SUPPLY"))
                .extracting(r -> r.get("service_request_id")).contains(number);
        assertThat(getList("/open311/v2/requests.json?status=open"))
                .extracting(r -> r.get("service_request_id")).doesNotContain(number);
    }

    @Test
    void searchesByIdsCategoriesAndDates() {
        String noise = (String) submit("json", form("client-key-2", "NOISE", "26.5501", "106.6801",
                "工地夜间施工噪音很大，吵得没法睡觉")).expectStatus().isOk().expectBody(LIST).returnResult()
                .getResponseBody().get(0).get("service_request_id");
        String parking = (String) submit("json", form("client-key-2", "PARKING", "26.5401", "106.6601",
                "小区门口的消防通道被车堵住了")).expectStatus().isOk().expectBody(LIST).returnResult()
                .getResponseBody().get(0).get("service_request_id");

        assertThat(getList("/open311/v2/requests.json?service_request_id=" + noise + "," + parking))
                .extracting(r -> r.get("service_request_id")).containsExactlyInAnyOrder(noise, parking);
        assertThat(getList("/open311/v2/requests.json?service_code=PARKING"))
                .extracting(r -> r.get("service_request_id")).contains(parking).doesNotContain(noise);
        String yesterday = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString();
        assertThat(getList("/open311/v2/requests.json?end_date=" + yesterday)).isEmpty();
        web.get().uri("/open311/v2/requests.json?start_date=yesterday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").value(d -> assertThat((String) d).startsWith("start_date"));
        // a date past what the database can hold is a bad request, not a server error
        web.get().uri("/open311/v2/requests.json?end_date={d}", "+999999999-12-31T00:00:00Z").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$[0].description")
                .value(d -> assertThat((String) d).startsWith("end_date"));
    }

    @Test
    void boundsTheRowsAndThePeriodOfASearch() {
        String longAgo = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(91).withNano(0).toString();
        web.get().uri("/open311/v2/requests.json?start_date={d}", longAgo).exchange().expectStatus().isBadRequest()
                .expectBody().json("[{\"code\":400,\"description\":\"start_date and end_date may be at most 90 days "
                        + "apart\"}]");
        String start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(20).withNano(0).toString();
        String end = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(1).withNano(0).toString();
        web.get().uri("/open311/v2/requests.xml?start_date={s}&end_date={e}", start, end).exchange()
                .expectStatus().isBadRequest();
        String withinTheBound = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(89).withNano(0).toString();
        getList("/open311/v2/requests.json?start_date=" + withinTheBound);

        // short ids, so that the request line stays within what the server reads
        String tooMany = String.join(",", java.util.stream.IntStream.rangeClosed(1, 201)
                .mapToObj(String::valueOf).toList());
        web.get().uri("/open311/v2/requests.json?service_request_id={ids}", tooMany).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$[0].description")
                .isEqualTo("service_request_id may name at most 200 requests");
    }

    @Test
    void refusesAStreamedFormLargerThanTheBoundWithoutAKey() {
        // no declared length: a client streaming its form in chunks
        Flux<DataBuffer> chunks = Flux.range(0, 100).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                ((i == 0 ? "service_code=NOISE&description=" : "") + "x".repeat(1_000))
                        .getBytes(StandardCharsets.UTF_8)));

        web.post().uri("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                .expectStatus().isEqualTo(413).expectBody().jsonPath("$[0].code").isEqualTo(413);
    }

    @Test
    void answersErrorsInTheOpen311FormatAndKeepsNothingOfARejectedRequest() throws Exception {
        long before = topics.recordsOn(List.of(Topics.INTAKE_TICKETS));
        long ticketsBefore = mongo.estimatedCount("tickets").block();

        submit("json", form("wrong-key", "NOISE", "26.55", "106.68", "很吵很吵很吵")).expectStatus().isForbidden()
                .expectBody().jsonPath("$[0].code").isEqualTo(403);
        MultiValueMap<String, String> bad = form("client-key-1", "FLYING_SAUCERS", "26.55", null, "?");
        bad.add("colour", "green");
        bad.add("attribute[URGENCY]", "EXTREME");
        List<Map<String, Object>> errors = submit("json", bad).expectStatus().isBadRequest().expectBody(LIST)
                .returnResult().getResponseBody();
        assertThat(errors).extracting(e -> ((String) e.get("description")).split(":")[0])
                .contains("service_code", "long", "description", "colour", "attribute[URGENCY]");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("code")).isEqualTo(400));
        Document xml = parse(submit("xml", form("", "NOISE", "26.55", "106.68", "很吵很吵很吵"))
                .expectStatus().isForbidden().expectBody().returnResult().getResponseBody());
        assertThat(xpath(xml, "/errors/error/code", XPathConstants.STRING)).isEqualTo("403");
        web.get().uri("/open311/v2/requests/12345-20200101-0001.json").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$[0].code").isEqualTo(404);
        web.get().uri("/open311/v2/services/NOPE.xml").exchange().expectStatus().isNotFound();
        web.get().uri("/open311/v2/tokens/no-such-token.json").exchange().expectStatus().isNotFound();
        web.get().uri("/open311/v2/services.json?jurisdiction_id=elsewhere").exchange().expectStatus().isNotFound();

        assertThat(topics.recordsOn(List.of(Topics.INTAKE_TICKETS))).isEqualTo(before);
        assertThat(mongo.estimatedCount("tickets").block())
                .isEqualTo(ticketsBefore);
    }

    @Test
    void publishesNoCallNorARequestWhoseReporterDidNotAgreeAndNoReplyTheUnitKeptPrivate() {
        String call = web.post().uri("/api/v1/calls")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"13900003109","description":"我家楼上的邻居张三每天晚上吵",
                         "location":{"lat":26.5301,"lon":106.6501},"category":"NOISE"}""")
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()
                .get("ticketId").toString();
        // far apart, so that none is linked to another as the same incident
        MultiValueMap<String, String> privately = form("client-key-2", "NOISE", "26.5401", "106.6601",
                "隔壁装修太吵，我的电话 13900003110");
        privately.set("attribute[PUBLISH]", "false");
        String unpublished = (String) submit("json", privately).expectStatus().isOk().expectBody(LIST).returnResult()
                .getResponseBody().get(0).get("token");
        MultiValueMap<String, String> openly = form("client-key-2", "NOISE", "26.5501", "106.6701",
                "夜里工地噪音，有事打 139 0000 3111");
        String published = (String) submit("json", openly).expectStatus().isOk().expectBody(LIST).returnResult()
                .getResponseBody().get(0).get("token");
        String callNumber = received(call).ticketNumber();
        String unpublishedNumber = received(unpublished).ticketNumber();
        String publishedNumber = received(published).ticketNumber();

        for (String hidden : List.of(callNumber, unpublishedNumber)) {
            web.get().uri("/open311/v2/requests/" + hidden + ".json").exchange().expectStatus().isNotFound()
                    .expectBody().json("[{\"code\":404,\"description\":\"service_request_id " + hidden
                            + " was not found\"}]");
        }
        assertThat(getList("/open311/v2/requests.json?service_code=NOISE"))
                .extracting(r -> r.get("service_request_id"))
                .contains(publishedNumber).doesNotContain(callNumber, unpublishedNumber);
        assertThat(getList("/open311/v2/requests.json?service_request_id=" + callNumber + "," + unpublishedNumber))
                .isEmpty();
        // a token is the ticket's id: one of a ticket not published answers exactly as an unknown token
        for (String hidden : List.of(call, unpublished)) {
            web.get().uri("/open311/v2/tokens/" + hidden + ".json").exchange().expectStatus().isNotFound()
                    .expectBody().json("[{\"code\":404,\"description\":\"token " + hidden + " was not found\"}]");
        }
        assertThat(getList("/open311/v2/tokens/" + published + ".json").get(0))
                .containsEntry("service_request_id", publishedNumber);
        assertThat(getList("/open311/v2/requests/" + publishedNumber + ".json").get(0))
                .containsEntry("description", "夜里工地噪音，有事打 ***").containsEntry("address", null);

        topics.publish(new TicketResolved(EventIds.of(published, "TicketResolved", 1), Instant.now(), published,
                "URBAN_MGMT", ResolutionResult.SOLVED, "已联系施工方，夜间停工。王先生请放心。", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "closed".equals(
                getList("/open311/v2/requests/" + publishedNumber + ".json").get(0).get("status")));
        assertThat((String) getList("/open311/v2/requests/" + publishedNumber + ".json").get(0).get("status_notes"))
                .startsWith("Resolved by").doesNotContain("王先生");
    }

    @Test
    void letsNoUnpublishedTicketShowThroughAPublishedOneLinkedToIt() {
        // a stranger's published report next to a caller's: linked as the same incident
        String call = web.post().uri("/api/v1/calls")
                .headers(h -> h.setBearerAuth(infra.tokens().mint("op", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"callerPhone":"13900003120","description":"隔壁单元每晚聚会喧哗",
                         "location":{"lat":26.5201,"lon":106.6301},"category":"NOISE"}""")
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody()
                .get("ticketId").toString();
        received(call);
        MultiValueMap<String, String> nearby = form("client-key-2", "NOISE", "26.5202", "106.6302", "那栋楼吵不吵？");
        nearby.add("phone", "13900003121");
        String probe = (String) submit("json", nearby).expectStatus().isOk().expectBody(LIST).returnResult()
                .getResponseBody().get(0).get("token");
        TicketReceived probeReceived = received(probe);
        assertThat(probeReceived.parentIncidentId()).isEqualTo(call);
        Instant now = Instant.now();
        topics.publish(new TicketAssigned(EventIds.of(call, "TicketAssigned", 1), now, call, "12345-call", 1,
                "URBAN_MGMT", "贵阳市城市管理局", List.of(), "NOISE", "YUNYAN", Priority.NORMAL,
                now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                new AssignmentReason("noise", 1, "YY-04", List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(call, org.bson.Document.class, "tickets")
                .map(t -> "ASSIGNED".equals(t.getString("status"))).blockOptional().orElse(false));

        assertThat(getList("/open311/v2/requests/" + probeReceived.ticketNumber() + ".json").get(0))
                .containsEntry("status", "open").containsEntry("agency_responsible", null)
                .containsEntry("expected_datetime", null)
                .containsEntry("status_notes", "Received; being routed to the responsible unit.");
        web.post().uri("/api/v1/public/tickets/lookup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ticketNumber", probeReceived.ticketNumber(),
                        "token", tokens.tokenFor(probeReceived.ticketNumber())))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RECEIVED")
                .jsonPath("$.timeline[0].status").isEqualTo("RECEIVED");
    }

    private WebTestClient.ResponseSpec submit(String format, MultiValueMap<String, String> form) {
        return web.post().uri("/open311/v2/requests." + format + "?jurisdiction_id=12345.sample-city")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private static MultiValueMap<String, String> form(String key, String service, String lat, String lon,
            String description) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", key);
        form.add("service_code", service);
        if (lat != null) {
            form.add("lat", lat);
        }
        if (lon != null) {
            form.add("long", lon);
        }
        form.add("description", description);
        form.add("attribute[PUBLISH]", "true");
        return form;
    }

    private List<Map<String, Object>> getList(String uri) {
        return web.get().uri(uri).exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private Document getXml(String uri) throws Exception {
        return parse(web.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody().returnResult().getResponseBody());
    }

    private static Document parse(byte[] body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static Object xpath(Document document, String expression, javax.xml.namespace.QName type)
            throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, document, type);
    }

    private static TicketReceived received(String ticketId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !reader.eventsFor(ticketId, IntakeEvent.class).isEmpty());
        return (TicketReceived) reader.eventsFor(ticketId, IntakeEvent.class).get(0);
    }
}
