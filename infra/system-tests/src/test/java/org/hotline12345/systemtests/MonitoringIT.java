package org.hotline12345.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * The dev stack run as the deployment folder runs the services: each with its actuator on a management port, the
 * SMS provider behind the HTTP gateway. After a day's worth of what operations watch (calls, a repeat, a return, a
 * resolution rated by text, a poison record, guessed look-ups, a provider outage), every metric that a Grafana
 * panel or a Prometheus alert of {@code infra/deploy} names is published by some service, read as Prometheus reads
 * it: from the management port, without a token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    static final Path home = Path.of("../..").toAbsolutePath().normalize();
    static final Path deploy = home.resolve("infra/deploy");
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path data;
    static ProviderStub provider;
    static Devstack stack;
    static final Map<String, Integer> managementPorts = new HashMap<>();

    @BeforeAll
    static void startTheStack() {
        List<Integer> free = FreePorts.pick(DevstackOptions.SERVICES.size() * 2);
        Map<String, Integer> ports = new HashMap<>();
        Map<String, List<String>> arguments = new HashMap<>();
        for (String service : DevstackOptions.SERVICES) {
            ports.put(service, free.get(ports.size()));
            managementPorts.put(service, free.get(DevstackOptions.SERVICES.size() + managementPorts.size()));
            arguments.put(service, new ArrayList<>(List.of("--management.server.port=" + managementPorts.get(service),
                    "--management.server.address=127.0.0.1")));
        }
        // a few wrong look-ups from the test's address reach the limit, so that the limit's metric is published
        arguments.get("intake").add("--hotline.intake.limits.lookups-per-address=5");
        provider = new ProviderStub();
        arguments.get("notification").addAll(List.of("--hotline.notification.gateway=http",
                "--hotline.notification.http.base-url=" + provider.url(), "--hotline.notification.http.api-key=k",
                "--hotline.notification.http.secret=s", "--hotline.notification.http.attempts=1",
                // a text the provider keeps refusing gives up within the test
                "--hotline.notification.max-attempts=2", "--hotline.notification.first-retry=1s",
                "--hotline.notification.sweep-interval=1s"));
        stack = Devstack.start(new DevstackOptions(home, data, false, 0, 0, ports, true, false,
                DevstackOptions.JvmProfile.QUICK), arguments);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    @Order(1)
    void everyPanelAndAlertNamesAMetricTheServicesPublish() throws Exception {
        Set<String> named = new TreeSet<>();
        try (var dashboards = Files.newDirectoryStream(deploy.resolve("grafana/dashboards"), "*.json")) {
            for (Path dashboard : dashboards) {
                named.addAll(DeploymentQueries.metricsOf(DeploymentQueries.dashboardQueries(dashboard)));
            }
        }
        named.addAll(DeploymentQueries.metricsOf(
                DeploymentQueries.alertQueries(deploy.resolve("prometheus/alerts.yml"))));
        // Prometheus makes this one itself for every target it scrapes
        named.remove("up");
        assertThat(named).as("metrics the dashboards and alerts name").hasSizeGreaterThan(15);

        doWhatOperationsWatch();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(publishedMetrics()).containsAll(named));
    }

    @Test
    @Order(2)
    void readinessOnTheManagementPortCoversTheBinderAndTheDatabase() throws Exception {
        for (String service : DevstackOptions.SERVICES) {
            HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(
                            management(service) + "/actuator/health/readiness"))
                    .header("Authorization", "Bearer " + stack.tokens().get("admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode components = json.readTree(readiness.body()).get("components");
            assertThat(readiness.statusCode()).as(service).isEqualTo(200);
            assertThat(components.get("binders").get("status").asString()).as(service).isEqualTo("UP");
            assertThat(components.get("mongo").get("status").asString()).as(service).isEqualTo("UP");
        }
    }

    /** Calls, a repeat, a return, a rated resolution, a poison record, look-ups with wrong tokens past the address's limit, a provider outage. */
    private static void doWhatOperationsWatch() throws Exception {
        String operator = stack.tokens().get("operator");
        String unit = stack.tokens().get("unit:URBAN_MGMT");
        JsonNode first = json.readTree(post("intake", "/api/v1/calls", HotlineJourneyIT.CALL, operator).body());
        String ticketId = first.get("ticketId").asString();
        awaitStatus(ticketId, unit, "ASSIGNED");
        // the same caller about the same problem while it is open: a repeat, which escalates the first ticket
        assertThat(post("intake", "/api/v1/calls", HotlineJourneyIT.CALL, operator).statusCode()).isEqualTo(202);

        // another caller somewhere else: a ticket of its own, which the unit returns
        JsonNode second = json.readTree(post("intake", "/api/v1/calls", HotlineJourneyIT.CALL
                .replace("138 1234 5678", "139 0000 1111")
                .replace("26.5785", "26.5905").replace("106.7135", "106.7205"),
                operator).body());
        awaitStatus(second.get("ticketId").asString(), unit, "ASSIGNED");
        assertThat(post("routing", "/api/v1/tickets/" + second.get("ticketId").asString() + "/reject",
                "{\"reasonCode\":\"NOT_OUR_BUSINESS\",\"reasonText\":\"不属于本单位职责\"}", unit).statusCode())
                .isEqualTo(200);

        assertThat(post("routing", "/api/v1/tickets/" + ticketId + "/accept", "", unit).statusCode()).isEqualTo(200);
        assertThat(post("routing", "/api/v1/tickets/" + ticketId + "/resolve",
                "{\"result\":\"SOLVED\",\"reply\":\"已责令店主22点后停止营业\"}", unit).statusCode()).isEqualTo(200);
        awaitStatus(ticketId, unit, "RESOLVED");
        // the citizen answers the resolution's text once they have it: dissatisfied, so the ticket goes back to
        // the unit; resolved again and rated satisfied, it closes
        awaitResolutionTexts(ticketId, 1);
        reply("reply-1", "3 不满意");
        awaitStatus(ticketId, unit, "REOPENED");
        assertThat(post("routing", "/api/v1/tickets/" + ticketId + "/resolve",
                "{\"result\":\"SOLVED\",\"reply\":\"已再次检查并处理\"}", unit).statusCode()).isEqualTo(200);
        awaitStatus(ticketId, unit, "RESOLVED");
        awaitResolutionTexts(ticketId, 2);
        reply("reply-2", "1 满意");
        awaitStatus(ticketId, unit, "CLOSED");

        try (EventTopics topics = new EventTopics(stack::kafkaBootstrapServers)) {
            topics.publishRaw(Topics.INTAKE_TICKETS, "unreadable-" + UUID.randomUUID(), "TicketReceived",
                    "{\"not\":".getBytes(StandardCharsets.UTF_8));
        }
        String number = first.get("ticketNumber").asString();
        for (int guess = 0; guess < 6; guess++) {
            http.send(HttpRequest.newBuilder(URI.create(stack.url("intake") + "/api/v1/public/tickets/lookup"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"ticketNumber\":\"" + number + "\",\"token\":\"AAAAAAAAAAAAAAA" + guess + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        provider.behave(ProviderStub.Behaviour.FAILS);
        post("intake", "/api/v1/calls", HotlineJourneyIT.CALL.replace("138 1234 5678", "137 0000 2222")
                .replace("26.5785", "26.5605").replace("106.7135", "106.6905"), operator);
    }

    /** The caller's text back, as the SMS provider's signed webhook brings it. */
    private static void reply(String messageId, String text) throws Exception {
        String reply = "{\"messageId\":\"" + messageId + "\",\"from\":\"+8613812345678\",\"text\":\"" + text
                + "\"}";
        String sentAt = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create(stack.url("notification")
                        + "/api/v1/sms/inbound")).header("Content-Type", "application/json")
                .header("X-Timestamp", sentAt)
                .header("X-Signature", Webhooks.sign(stack.webhookSecret(), sentAt + "\n" + reply))
                .POST(HttpRequest.BodyPublishers.ofString(reply, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
    }

    private static Set<String> publishedMetrics() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        for (String service : DevstackOptions.SERVICES) {
            HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(
                    management(service) + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).as(service + " answers Prometheus without a token").isEqualTo(200);
            scraped.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static void awaitStatus(String ticketId, String token, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json.readTree(
                get("routing", "/api/v1/tickets/" + ticketId, token).body()).get("status").asString())
                .isEqualTo(status));
    }

    private static void awaitResolutionTexts(String ticketId, int sent) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> resolutions = new ArrayList<>();
            json.readTree(get("notification", "/api/v1/notifications?ticketId=" + ticketId,
                    stack.tokens().get("supervisor")).body()).forEach(text -> {
                        if ("TicketResolved".equals(text.path("trigger").asString())
                                && "SENT".equals(text.path("status").asString())) {
                            resolutions.add(text.path("notificationId").asString());
                        }
                    });
            assertThat(resolutions).hasSize(sent);
        });
    }

    private static String management(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    private static HttpResponse<String> post(String service, String path, String body, String token)
            throws Exception {
        return StackRequests.post(stack, service, path, body, token);
    }

    private static HttpResponse<String> get(String service, String path, String token) throws Exception {
        return StackRequests.get(stack, service, path, token);
    }
}
