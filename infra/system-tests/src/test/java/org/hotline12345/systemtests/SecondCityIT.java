package org.hotline12345.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline12345.devstack.Devstack;
import org.hotline12345.devstack.DevstackOptions;
import org.hotline12345.embedded.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * The whole hub on another city's folder ({@code HOTLINE_CITY_DIR}), which shares nothing with the sample city: its
 * time zone numbers the tickets, its corpus suggests the category, its grids and rules pick the unit, its templates
 * word the texts. Then the city changes its units and grids, and the tickets already worked keep their history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondCityIT {

    static final Path home = Path.of("../..").toAbsolutePath().normalize();
    static final Path urumqi = home.resolve("infra/libs/reference-data/src/test/resources/cities/urumqi");
    static final JsonMapper json = JsonMapper.builder().build();
    /** Snow on the pavement in grid TS-03 of Tianshan district, whose street office is Hetan Street's. */
    static final String SNOW_CALL = """
            {"callerPhone":"139 9100 1234","description":"小区门口人行道上的积雪一直没人清理，老人出门容易滑倒",
             "address":"天山区和田街8号","location":{"lat":43.7912,"lon":87.6212}}""";

    @TempDir
    static Path data;
    @TempDir
    static Path changedCity;
    static Devstack stack;
    static Map<String, Integer> ports;
    static String ticketId;

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void worksACallByTheSecondCitysOwnRulesWordsAndClock() throws Exception {
        List<Integer> free = FreePorts.pick(DevstackOptions.SERVICES.size());
        ports = new HashMap<>();
        DevstackOptions.SERVICES.forEach(s -> ports.put(s, free.get(ports.size())));
        stack = start(urumqi);
        String day = LocalDate.now(ZoneId.of("Asia/Urumqi")).format(DateTimeFormatter.BASIC_ISO_DATE);

        HttpResponse<String> registered = post("intake", "/api/v1/calls", SNOW_CALL, token("operator"));

        assertThat(registered.statusCode()).isEqualTo(202);
        JsonNode receipt = json.readTree(registered.body());
        ticketId = receipt.get("ticketId").asString();
        assertThat(receipt.get("ticketNumber").asString()).startsWith("12345-" + day + "-");
        JsonNode ticket = awaitAssigned(ticketId, "unit:HETAN_OFFICE");
        assertThat(ticket.get("category").asString()).isEqualTo("SNOW_REMOVAL");
        assertThat(ticket.get("gridId").asString()).isEqualTo("TS-03");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(texts(ticketId))
                .anySatisfy(text -> assertThat(text).startsWith("【乌鲁木齐12345】您的诉求已登记，工单号"))
                .anySatisfy(text -> assertThat(text).contains("已交天山区和田街街道办事处办理")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(get("analytics",
                "/api/v1/analytics/overview", token("analyst")).body()).get("received").asInt()).isEqualTo(1));
    }

    @Test
    @Order(2)
    void keepsTicketsAndHistoryWhenTheCityChangesItsUnitsAndGrids() throws Exception {
        // Hetan Street's office merges into Yanerwo's: its unit goes, and its grid TS-03 passes to Yanerwo
        try (var files = Files.list(urumqi)) {
            for (Path file : files.toList()) {
                Files.copy(file, changedCity.resolve(file.getFileName()));
            }
        }
        edit("units.json", text -> text.replaceAll("(?s)\\{[^{}]*\"HETAN_OFFICE\"[^{}]*},\\s*", ""));
        edit("grids.geojson", text -> text.replace("\"streetOffice\": \"HETAN_OFFICE\"",
                "\"streetOffice\": \"YANERWO_OFFICE\"").replace("\"street\": \"HETAN\"", "\"street\": \"YANERWO\""));
        // and what Hetan's office knew and answered, Yanerwo's keeps now
        edit("knowledge.jsonl", text -> text.replaceAll("\"unit\":\\s*\"HETAN_OFFICE\"",
                "\"unit\": \"YANERWO_OFFICE\""));
        stack.close();
        stack = start(changedCity);

        JsonNode before = json.readTree(get("routing", "/api/v1/tickets/" + ticketId, token("supervisor")).body());
        assertThat(before.get("unitId").asString()).isEqualTo("HETAN_OFFICE");
        assertThat(before.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(json.readTree(get("intake", "/api/v1/intake/tickets/" + ticketId, token("operator")).body())
                .get("status").asString()).isEqualTo("ASSIGNED");
        // counted before the change, and still counted after it (the day's count is recounted from the facts)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(get("analytics",
                "/api/v1/analytics/overview", token("analyst")).body()).get("received").asInt()).isEqualTo(1));

        // another caller, at the grid's far corner: not the same incident, so it is assigned on its own
        JsonNode again = json.readTree(post("intake", "/api/v1/calls", SNOW_CALL.replace("139 9100 1234",
                "139 9100 5678").replace("43.7912", "43.7988").replace("87.6212", "87.6288"),
                token("operator")).body());
        assertThat(awaitAssigned(again.get("ticketId").asString(), "unit:YANERWO_OFFICE")
                .get("gridId").asString()).isEqualTo("TS-03");
    }

    private static Devstack start(Path city) {
        return Devstack.start(new DevstackOptions(home, data, false, 0, 0, ports, true, false,
                DevstackOptions.JvmProfile.QUICK, city));
    }

    private static JsonNode awaitAssigned(String id, String unit) {
        JsonNode[] ticket = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ticket[0] = json.readTree(get("routing", "/api/v1/tickets/" + id, token(unit)).body());
            assertThat(ticket[0].path("status").asString()).isEqualTo("ASSIGNED");
        });
        return ticket[0];
    }

    private static List<String> texts(String id) throws Exception {
        List<String> bodies = new ArrayList<>();
        json.readTree(get("notification", "/api/v1/sms-outbox?ticketId=" + id, token("supervisor")).body())
                .forEach(text -> bodies.add(text.get("text").asString()));
        return bodies;
    }

    private static void edit(String file, java.util.function.UnaryOperator<String> change) throws IOException {
        Path path = changedCity.resolve(file);
        String before = Files.readString(path);
        String after = change.apply(before);
        assertThat(after).isNotEqualTo(before);
        Files.writeString(path, after);
    }

    private static String token(String user) {
        assertThat(stack.tokens()).containsKey(user);
        return stack.tokens().get(user);
    }

    private static HttpResponse<String> post(String service, String path, String body, String token)
            throws Exception {
        return StackRequests.post(stack, service, path, body, token);
    }

    private static HttpResponse<String> get(String service, String path, String token) throws Exception {
        return StackRequests.get(stack, service, path, token);
    }
}
