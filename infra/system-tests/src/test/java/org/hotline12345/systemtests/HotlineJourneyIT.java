package org.hotline12345.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.hotline12345.contracts.Topics;
import org.hotline12345.devstack.Devstack;
import org.hotline12345.devstack.DevstackOptions;
import org.hotline12345.embedded.EventTopics;
import org.hotline12345.embedded.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * The whole hub as a user runs it: the dev stack starts the broker, the wire server and the four service jars;
 * one call goes in over HTTP and comes out as an assignment, a text and a count.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotlineJourneyIT {

    static final String CALL = """
            {"callerPhone":"138 1234 5678","callerName":"张先生",
             "description":"楼下烧烤店每晚十二点后还在营业，噪音很大","address":"云岩区中华北路18号",
             "location":{"lat":26.5785,"lon":106.7135},"category":"NOISE"}""";
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path data;
    static Devstack stack;
    static DevstackOptions options;
    static String ticketId;

    @BeforeAll
    static void startTheStack() {
        List<Integer> free = FreePorts.pick(DevstackOptions.SERVICES.size());
        Map<String, Integer> ports = new HashMap<>();
        DevstackOptions.SERVICES.forEach(s -> ports.put(s, free.get(ports.size())));
        // the client compiler only: the stack is ready sooner, and a journey's few requests never need the second
        options = new DevstackOptions(Path.of("../..").toAbsolutePath().normalize(), data, false, 0, 0, ports,
                true, false, DevstackOptions.JvmProfile.QUICK);
        stack = Devstack.start(options);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void writesATokenForEveryDemoUserToTheFileItNames() throws IOException {
        JsonNode file = json.readTree(Files.readString(stack.tokensFile()));

        assertThat(stack.tokensFile()).isEqualTo(data.resolve("tokens.json"));
        assertThat(file.get("tokens").propertyNames()).contains("operator", "supervisor", "analyst", "admin",
                "unit:URBAN_MGMT", "unit:WATER_CO", "unit:HUAGUOYUAN_OFFICE");
    }

    @Test
    @Order(2)
    void followsOneCallToItsAssignmentTextAndCount() throws Exception {
        Instant posted = Instant.now();
        HttpResponse<String> response = post("intake", "/api/v1/calls", CALL, token("operator"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = json.readTree(response.body());
        ticketId = receipt.get("ticketId").asString();
        String number = receipt.get("ticketNumber").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode ticket = json.readTree(get("routing", "/api/v1/tickets/" + ticketId, token("unit:URBAN_MGMT"))
                    .body());
            assertThat(ticket.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(ticket.get("gridId").asString()).isEqualTo("YY-04");
            JsonNode texts = json.readTree(get("notification", "/api/v1/sms-outbox?ticketId=" + ticketId,
                    token("supervisor")).body());
            assertThat(texts).hasSize(2);
            JsonNode overview = json.readTree(get("analytics", "/api/v1/analytics/overview", token("analyst"))
                    .body());
            assertThat(overview.get("received").asInt()).isEqualTo(1);
            assertThat(overview.get("assigned").asInt()).isEqualTo(1);
        });
        Duration took = Duration.between(posted, Instant.now());
        System.out.printf("journey: posted, assigned, texted and counted in %d ms%n", took.toMillis());

        JsonNode texts = json.readTree(get("notification", "/api/v1/sms-outbox?ticketId=" + ticketId,
                token("supervisor")).body());
        List<String> bodies = new ArrayList<>();
        texts.forEach(t -> bodies.add(t.get("text").asString()));
        String receiptPattern = "【12345】您反映的问题已受理，工单号" + number + "。查询办理进度："
                + Pattern.quote(stack.url("intake")) + "/t/" + number + "\\.([A-Za-z0-9_-]{16})";
        List<String> receipts = bodies.stream().filter(text -> text.matches(receiptPattern)).toList();
        assertThat(receipts).hasSize(1);
        // the link in the caller's text opens the ticket; the caller's number and its last four digits do not
        Matcher link = Pattern.compile(receiptPattern).matcher(receipts.get(0));
        assertThat(link.matches()).isTrue();
        assertThat(lookUp(number, link.group(1)).statusCode()).isEqualTo(200);
        assertThat(lookUp(number, "AAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(stack.url("intake") + "/api/v1/public/tickets/"
                + number + "?phoneLast4=5678")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        assertThat(bodies).anySatisfy(text -> assertThat(text)
                .matches("【12345】您的工单" + number + "已转贵阳市城市管理局办理，办结时限\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}。"));
        assertThat(texts.get(0).get("to").asString()).isEqualTo("138****5678");
        assertThat(json.readTree(get("intake", "/api/v1/intake/tickets/" + ticketId, token("operator")).body())
                .get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    @Order(3)
    void closesTheLoopWhenTheUnitResolvesAndTheCitizenRepliesSatisfied() throws Exception {
        String unit = token("unit:URBAN_MGMT");
        assertThat(post("routing", "/api/v1/tickets/" + ticketId + "/accept", "", unit).statusCode())
                .isEqualTo(200);
        assertThat(post("routing", "/api/v1/tickets/" + ticketId + "/resolve",
                "{\"result\":\"SOLVED\",\"reply\":\"已责令店主22点后停止营业\"}", unit).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(json.readTree(get("notification",
                "/api/v1/sms-outbox?ticketId=" + ticketId, token("supervisor")).body())).hasSize(3));

        String reply = "{\"messageId\":\"reply-1\",\"from\":\"+8613812345678\",\"text\":\"1 满意\"}";
        String sentAt = String.valueOf(java.time.Instant.now().getEpochSecond());
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create(stack.url("notification")
                        + "/api/v1/sms/inbound")).header("Content-Type", "application/json")
                .header("X-Timestamp", sentAt)
                .header("X-Signature", Webhooks.sign(stack.webhookSecret(), sentAt + "\n" + reply))
                .POST(HttpRequest.BodyPublishers.ofString(reply, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.body()).contains("FEEDBACK");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(json.readTree(get("routing", "/api/v1/tickets/" + ticketId, unit).body()).get("status")
                    .asString()).isEqualTo("CLOSED");
            JsonNode overview = json.readTree(get("analytics", "/api/v1/analytics/overview", token("analyst"))
                    .body());
            assertThat(overview.get("resolved").asInt()).isEqualTo(1);
            assertThat(overview.get("closed").asInt()).isEqualTo(1);
        });
    }

    @Test
    @Order(4)
    void servesAnOpen311ClientFromItsSubmissionToTheUnitsResolution() throws Exception {
        String base = stack.url("intake") + "/open311/v2";
        JsonNode discovery = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/discovery.json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.get("endpoints").get(0).get("url").asString()).isEqualTo(base);
        String services = http.send(HttpRequest.newBuilder(URI.create(base + "/services.xml")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(services).contains("<service_code>WATER_SUPPLY</service_code>");

        String form = "api_key=" + stack.open311ApiKey() + "&service_code=WATER_SUPPLY&lat=26.575&long=106.705"
                + "&description=" + java.net.URLEncoder.encode("小区路口的水管漏水，水一直往外冒", StandardCharsets.UTF_8)
                + "&phone=13900004321&" + java.net.URLEncoder.encode("attribute[PUBLISH]", StandardCharsets.UTF_8)
                + "=true";
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(200);
        String token = json.readTree(submitted.body()).get(0).get("token").asString();
        String number = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/tokens/" + token
                + ".json")).build(), HttpResponse.BodyHandlers.ofString()).body()).get(0)
                .get("service_request_id").asString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(open311Request(base, number)
                .get("agency_responsible").asString()).isEqualTo("贵阳水务集团"));
        assertThat(open311Request(base, number).get("status").asString()).isEqualTo("open");

        String unit = token("unit:WATER_CO");
        assertThat(post("routing", "/api/v1/tickets/" + token + "/accept", "", unit).statusCode()).isEqualTo(200);
        assertThat(post("routing", "/api/v1/tickets/" + token + "/resolve",
                "{\"result\":\"SOLVED\",\"reply\":\"漏水的阀门已更换\",\"replyPublic\":true}", unit).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode closed = open311Request(base, number);
            assertThat(closed.get("status").asString()).isEqualTo("closed");
            assertThat(closed.get("status_notes").asString()).isEqualTo("漏水的阀门已更换");
        });
    }

    private static JsonNode open311Request(String base, String number) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/requests/" + number + ".json"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body()).get(0);
    }

    @Test
    @Order(5)
    void letsAStandardKafkaClientReadTheTicketsEventsWithCloudEventHeaders() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "journey-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INTAKE_TICKETS, Topics.ROUTING_TICKETS));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                return records.stream().filter(r -> ticketId.equals(r.key())).count() >= 5;
            });
            List<String> types = records.stream().filter(r -> ticketId.equals(r.key()))
                    .map(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .toList();
            assertThat(types).contains("org.hotline12345.TicketReceived", "org.hotline12345.TicketAssigned",
                    "org.hotline12345.TicketClosed");
            assertThat(records).filteredOn(r -> ticketId.equals(r.key()))
                    .allSatisfy(r -> assertThat(r.value()).doesNotContain("13812345678"));
        }
    }

    @Test
    @Order(6)
    void refusesBadRequestsAndLeavesNoEventOnAnyTopic() throws Exception {
        long before = recordsOnAllTopics();

        assertThat(post("intake", "/api/v1/calls", CALL, null).statusCode()).isEqualTo(401);
        assertThat(post("intake", "/api/v1/calls", CALL, token("analyst")).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = post("intake", "/api/v1/calls",
                "{\"callerPhone\":\"12\",\"description\":\"\",\"colour\":1}", token("operator"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(post("intake", "/api/v1/calls", "{\"description\":", token("operator")).statusCode())
                .isEqualTo(400);

        assertThat(recordsOnAllTopics()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void letsAStandardMongoClientReadTheDataOnThePrintedPort() {
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.mongoPort())) {
            Document ticket = mongo.getDatabase("routing").getCollection("tickets")
                    .find(new Document("_id", ticketId)).first();
            assertThat(ticket).isNotNull();
            assertThat(ticket.getString("unitId")).isEqualTo("URBAN_MGMT");
        }
    }

    @Test
    @Order(8)
    void publishesWhatTheJourneyDidAsMetricsForPrometheus() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "analytics", List.of("hotline_tickets_received_total", "hotline_tickets_assigned_total",
                        "hotline_tickets_resolved_total", "hotline_tickets_closed_total",
                        "hotline_feedback_received_total", "hotline_tickets_overdue"),
                "notification", List.of("hotline_texts_sent_total", "hotline_texts_suppressed_total",
                        "hotline_replies_total", "hotline_outbox_backlog", "hotline_outbox_oldest_age_seconds"),
                "intake", List.of("hotline_outbox_backlog", "http_server_requests_seconds_count"),
                "routing", List.of("hotline_outbox_backlog", "hotline_outbox_oldest_age_seconds"));
        for (Map.Entry<String, List<String>> service : expected.entrySet()) {
            String scraped = get(service.getKey(), "/actuator/prometheus", token("analyst")).body();
            for (String metric : service.getValue()) {
                assertThat(scraped).as(service.getKey() + " publishes " + metric)
                        .containsPattern("(?m)^" + metric + "(\\{| )");
            }
        }
        // the journey's call was texted, and the Open311 request's number was asked for its code instead
        String notification = get("notification", "/actuator/prometheus", token("analyst")).body();
        assertThat(notification).containsPattern("(?m)^hotline_texts_sent_total\\{.*trigger=\"TicketReceived\".*} [1-9]")
                .containsPattern("(?m)^hotline_texts_suppressed_total\\{.*reason=\"UNVERIFIED_NUMBER\".*} [1-9]");
    }

    @Test
    @Order(9)
    void neverWritesTheCallersNumberOrNameToAnyServiceLog() throws IOException {
        List<Path> logs;
        try (var files = Files.list(data.resolve("logs"))) {
            logs = files.toList();
        }

        // the four services' and the identity provider's
        assertThat(logs).extracting(log -> log.getFileName().toString()).containsExactlyInAnyOrder("intake.log",
                "routing.log", "notification.log", "analytics.log", "identity.log");
        for (Path log : logs) {
            assertThat(Files.readString(log)).as(log.getFileName().toString())
                    .doesNotContain("13812345678").doesNotContain("138 1234 5678").doesNotContain("张先生")
                    .doesNotContain("13900004321");
        }
    }

    @Test
    @Order(9)
    void listensOnLoopbackOnly() throws IOException {
        // the kernel's table of TCP sockets: each listening one with its local address, hex, in network order
        List<String> listening = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Files.readAllLines(Path.of(table)).stream().skip(1).map(line -> line.trim().split("\\s+"))
                    .filter(fields -> "0A".equals(fields[3])).forEach(fields -> listening.add(fields[1]));
        }
        List<String> addresses = new java.util.ArrayList<>(DevstackOptions.SERVICES.stream().map(stack::url).toList());
        addresses.add(stack.issuer());
        for (String service : addresses) {
            String port = String.format(":%04X", URI.create(service).getPort());
            List<String> bound = listening.stream().filter(address -> address.endsWith(port)).toList();
            assertThat(bound).as(service).isNotEmpty()
                    .allSatisfy(address -> assertThat(address).isIn("0100007F" + port,
                            "0000000000000000FFFF00000100007F" + port, "00000000000000000000000001000000" + port));
        }
    }

    @Test
    @Order(10)
    void keepsItsDataAcrossARestart() {
        stack.close();
        stack = Devstack.start(new DevstackOptions(options.home(), data, false, 0, 0, options.servicePorts(),
                false, false));
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.mongoPort())) {
            Document ticket = mongo.getDatabase("intake").getCollection("tickets")
                    .find(new Document("_id", ticketId)).first();
            assertThat(ticket).isNotNull();
            assertThat(ticket.getString("status")).isEqualTo("CLOSED");
        }
    }

    /**
     * One ticket no rule covers, through what the centre decides (退单审核, 延期审批, 主办/协办): dispatched by hand
     * with a supporting unit, returned by the lead and the return rejected, more time asked beyond the allowance and
     * approved, the supporting unit's part signed for and answered, and only then resolved; the ticket's history and
     * its events show each step, and the citizen is texted about the extension alone.
     */
    @Test
    @Order(7)
    void carriesOneTicketThroughARejectedReturnAnApprovedExtensionAndASupportingUnitsPart() throws Exception {
        String supervisor = token("supervisor");
        String lead = token("unit:URBAN_MGMT");
        String supporting = token("unit:MARKET_REG");
        HttpResponse<String> registered = post("intake", "/api/v1/calls", """
                {"callerPhone":"139 0851 8800","description":"小区门口流动摊贩占道经营，还在卖没有证照的卤味熟食",
                 "address":"南明区花果园大街9号","location":{"lat":26.5660,"lon":106.7060},
                 "category":"OTHER"}""", token("operator"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        String id = json.readTree(registered.body()).get("ticketId").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGE".equals(ticket(id).path("status").asString()));

        // the centre dispatches it by hand, the market regulator supporting
        HttpResponse<String> dispatched = post("routing", "/api/v1/tickets/" + id + "/assign", """
                {"unitId":"URBAN_MGMT","reason":"占道经营由城管主办，无证食品请市场监管协办",
                 "coUnitIds":["MARKET_REG"]}""", supervisor);
        assertThat(dispatched.statusCode()).as(dispatched.body()).isEqualTo(200);
        JsonNode assigned = json.readTree(dispatched.body());
        assertThat(assigned.get("unitId").asString()).isEqualTo("URBAN_MGMT");
        assertThat(assigned.get("parts")).hasSize(1);
        assertThat(assigned.get("parts").get(0).get("unitId").asString()).isEqualTo("MARKET_REG");
        assertThat(assigned.get("parts").get(0).get("state").asString()).isEqualTo("ASSIGNED");
        // as stored: the database keeps milliseconds
        Instant resolveBy = Instant.parse(assigned.get("resolveBy").asString())
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        // the lead returns it; the return waits for the centre, which rejects it with its reason
        HttpResponse<String> returned = post("routing", "/api/v1/tickets/" + id + "/reject",
                "{\"reasonCode\":\"NOT_OUR_DUTY\",\"reasonText\":\"无证食品属市场监管职责\"}", lead);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(json.readTree(returned.body()).get("status").asString()).isEqualTo("RETURN_REVIEW");
        assertThat(get("routing", "/api/v1/reviews/returns?size=200", supervisor).body()).contains(id);
        HttpResponse<String> rejected = post("routing", "/api/v1/reviews/returns/" + id + "/reject",
                "{\"reason\":\"占道经营属城管权责清单第12项\"}", supervisor);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        JsonNode back = json.readTree(rejected.body());
        assertThat(back.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(back.get("unitId").asString()).isEqualTo("URBAN_MGMT");
        assertThat(Instant.parse(back.get("resolveBy").asString())).as("the deadline ran on").isEqualTo(resolveBy);
        assertThat(back.get("parts").get(0).get("state").asString()).isEqualTo("ASSIGNED");

        // the lead signs for it and asks for ten more days, beyond what it may take alone; the centre approves
        assertThat(post("routing", "/api/v1/tickets/" + id + "/accept", "", lead).statusCode()).isEqualTo(200);
        Instant asked = resolveBy.plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> extension = post("routing", "/api/v1/tickets/" + id + "/extend",
                "{\"resolveBy\":\"" + asked + "\",\"reason\":\"需与市场监管联合执法，摊主外出未归\"}", lead);
        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(200);
        JsonNode askedFor = json.readTree(extension.body());
        assertThat(lastOf(askedFor.get("extensionHistory")).get("state").asString()).isEqualTo("WAITING");
        assertThat(Instant.parse(askedFor.get("resolveBy").asString())).isEqualTo(resolveBy);
        assertThat(get("routing", "/api/v1/reviews/extensions?size=200", supervisor).body()).contains(id);
        HttpResponse<String> approved = post("routing", "/api/v1/reviews/extensions/" + id + "/approve",
                "{\"reason\":\"同意，请联合执法后答复市民\"}", supervisor);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Instant.parse(json.readTree(approved.body()).get("resolveBy").asString())).isEqualTo(asked);

        // the supporting unit finds its part, signs for it; the lead cannot resolve until it is answered
        assertThat(get("routing", "/api/v1/parts", supporting).body()).contains(id);
        assertThat(get("routing", "/api/v1/tickets/" + id, supporting).statusCode()).isEqualTo(404);
        HttpResponse<String> signed = post("routing", "/api/v1/parts/" + id + "/accept", "", supporting);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        String resolution = "{\"result\":\"SOLVED\",\"reply\":\"已取缔占道摊点，市场监管局已对无证熟食立案调查\"}";
        HttpResponse<String> early = post("routing", "/api/v1/tickets/" + id + "/resolve", resolution, lead);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("MARKET_REG");
        HttpResponse<String> answered = post("routing", "/api/v1/parts/" + id + "/answer",
                "{\"answer\":\"已对摊贩销售的无证熟食立案调查，责令停止销售\"}", supporting);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        HttpResponse<String> resolved = post("routing", "/api/v1/tickets/" + id + "/resolve", resolution, lead);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);

        // the ticket's history holds each step, in the order it happened
        JsonNode done = ticket(id);
        assertThat(done.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(done.get("returns")).hasSize(1);
        assertThat(done.get("returns").get(0).get("unitId").asString()).isEqualTo("URBAN_MGMT");
        JsonNode decision = done.get("returnDecisions").get(0);
        assertThat(decision.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("reason").asString()).isEqualTo("占道经营属城管权责清单第12项");
        JsonNode granted = lastOf(done.get("extensionHistory"));
        assertThat(granted.get("state").asString()).isEqualTo("APPROVED");
        assertThat(granted.get("decisionReason").asString()).isEqualTo("同意，请联合执法后答复市民");
        JsonNode part = done.get("parts").get(0);
        assertThat(part.get("state").asString()).isEqualTo("ANSWERED");
        assertThat(part.get("answer").asString()).isEqualTo("已对摊贩销售的无证熟食立案调查，责令停止销售");
        assertThat(part.path("assignedBy").asString()).as("dispatched by a supervisor, not the rules")
                .isNotBlank();
        assertThat(List.of(decision.get("at"), granted.get("decidedAt"), part.get("answeredAt"), done.get("resolvedAt"))
                .stream().map(at -> Instant.parse(at.asString())).toList()).isSorted();

        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "journey-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ROUTING_TICKETS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (id.equals(r.key())) {
                        events.add(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                                .substring("org.hotline12345.".length()));
                    }
                });
                return events.contains("TicketResolved");
            });
        }
        assertThat(events).containsSubsequence("TicketAssigned", "PartAssigned", "TicketRejected", "ReturnRejected",
                "TicketAccepted", "ExtensionRequested", "ExtensionApproved", "TicketExtended", "PartAccepted",
                "PartAnswered", "TicketResolved");

        // the citizen is texted when more time is granted, never about the centre's decisions themselves
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(get("notification",
                "/api/v1/notifications?ticketId=" + id, supervisor).body()).findValuesAsString("trigger"))
                .contains("TicketExtended").doesNotContain("ReturnRejected", "ExtensionRequested",
                        "ExtensionApproved", "PartAssigned", "PartAnswered"));
    }

    private static JsonNode ticket(String id) throws Exception {
        return json.readTree(get("routing", "/api/v1/tickets/" + id, token("supervisor")).body());
    }

    private static JsonNode lastOf(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private long recordsOnAllTopics() {
        try (EventTopics topics = new EventTopics(stack::kafkaBootstrapServers)) {
            return topics.recordsOn(Topics.ALL);
        }
    }

    private static String token(String user) {
        return stack.tokens().get(user);
    }

    private static HttpResponse<String> post(String service, String path, String body, String token)
            throws Exception {
        return StackRequests.post(stack, service, path, body, token);
    }

    /** The citizen's look-up, as the follow page makes it: the ticket's number and the token of the text's link. */
    private static HttpResponse<String> lookUp(String number, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.url("intake") + "/api/v1/public/tickets/lookup"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"ticketNumber\":\"" + number + "\",\"token\":\"" + token + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String service, String path, String token) throws Exception {
        return StackRequests.get(stack, service, path, token);
    }
}
