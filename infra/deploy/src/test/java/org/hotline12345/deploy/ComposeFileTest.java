package org.hotline12345.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Compose file as a Compose implementation reads it ({@code docker-compose config}, which validates it against the
 * Compose schema and resolves every anchor and variable from {@code .env.example}), then what a city's operators rely
 * on: a 3-broker cluster that keeps 2 copies before it acknowledges, a 3-member replica set that asks for a password,
 * two instances of each service in production mode started only once what they need is healthy, nothing of the hub
 * published but its public entrance, and Prometheus scraping every instance.
 */
class ComposeFileTest {

    static final Path COMPOSE = Tools.DEPLOY.resolve("compose");
    static final List<String> SERVICES = List.of("intake", "routing", "notification", "analytics");
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static JsonNode services;

    @BeforeAll
    static void readAsComposeReadsIt() {
        String resolved = Tools.run(COMPOSE, "docker-compose", "--file", "compose.yaml", "--env-file", ".env.example",
                "config");
        services = YAML.readTree(resolved).get("services");
    }

    @Test
    void runsAThreeBrokerClusterThatAcknowledgesOnlyWhatTwoBrokersHold() throws IOException {
        String broker = Files.readString(COMPOSE.resolve("kafka/start-broker.sh"));

        assertThat(names("kafka-")).containsExactly("kafka-1", "kafka-2", "kafka-3");
        for (String node : names("kafka-")) {
            assertThat(services.get(node).path("image").asString()).startsWith("apache/kafka:");
            assertThat(services.get(node).path("healthcheck").isObject()).isTrue();
        }
        assertThat(broker).contains("default.replication.factor=3", "min.insync.replicas=2",
                "offsets.topic.replication.factor=3", "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2", "SCRAM-SHA-512");
    }

    @Test
    void runsAThreeMemberReplicaSetThatAsksEveryClientToSignIn() {
        assertThat(names("mongo-")).contains("mongo-1", "mongo-2", "mongo-3", "mongo-init");
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            String command = services.get(member).path("command").toString();
            assertThat(command).contains("--replSet", "rs0", "--keyFile");
        }
        for (String service : SERVICES) {
            String uri = environment(service + "-1").get("MONGODB_URI");
            assertThat(uri).as(service).matches("mongodb://hub-" + service + ":[^@]+@mongo-1:27017,mongo-2:27017,"
                    + "mongo-3:27017/" + service + "\\?replicaSet=rs0&authSource=admin");
        }
    }

    @Test
    void runsEachServiceTwiceInProductionModeOnceWhatItNeedsIsHealthy() {
        for (String service : SERVICES) {
            assertThat(names(service + "-")).as(service).containsExactly(service + "-1", service + "-2");
            for (String instance : names(service + "-")) {
                JsonNode definition = services.get(instance);
                Map<String, String> env = environment(instance);
                assertThat(env).as(instance).containsEntry("HOTLINE_PRODUCTION", "true")
                        .containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                        .containsEntry("HOTLINE_KAFKA_REPLICAS", "3")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
                assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).contains("username=\"hub-" + service
                        + "\"");
                assertThat(definition.path("healthcheck").path("test").toString())
                        .contains("9080/actuator/health/readiness");
                JsonNode dependsOn = definition.path("depends_on");
                for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
                    assertThat(dependsOn.path(broker).path("condition").asString()).isEqualTo("service_healthy");
                }
                assertThat(dependsOn.path("mongo-init").path("condition").asString())
                        .isEqualTo("service_completed_successfully");
                assertThat(definition.path("ports").isMissingNode()).as(instance + " publishes no port").isTrue();
                assertThat(definition.path("read_only").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void publishesOnlyThePublicEntranceTheIdentityProviderAndGrafana() {
        Set<String> published = new TreeSet<>();
        services.properties().forEach(service -> {
            for (JsonNode port : service.getValue().path("ports")) {
                // the long syntax or "host_ip:published:target"
                boolean loopback = "127.0.0.1".equals(port.path("host_ip").asString())
                        || port.isString() && port.asString().startsWith("127.0.0.1:");
                if (!loopback) {
                    published.add(service.getKey());
                }
            }
        });
        assertThat(published).containsExactlyInAnyOrder("gateway", "keycloak", "grafana");
        assertThat(services.get("prometheus").path("ports").toString()).contains("127.0.0.1");
    }

    @Test
    void prometheusScrapesEveryInstanceOnItsManagementPort() {
        JsonNode config = YAML.readTree(Tools.DEPLOY.resolve("prometheus/prometheus.yml").toFile());
        Set<String> targets = new TreeSet<>();
        for (JsonNode job : config.path("scrape_configs")) {
            if (job.path("job_name").asString().startsWith("hotline-")) {
                assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
                job.path("static_configs").forEach(s -> s.path("targets").forEach(t -> targets.add(t.asString())));
            }
        }
        List<String> instances = new ArrayList<>();
        SERVICES.forEach(service -> names(service + "-").forEach(instance -> instances.add(instance + ":9080")));
        assertThat(targets).containsExactlyInAnyOrderElementsOf(instances);
    }

    private static List<String> names(String prefix) {
        List<String> names = new ArrayList<>();
        services.propertyNames().forEach(name -> {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        });
        return names.stream().sorted().toList();
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new java.util.TreeMap<>();
        services.get(service).path("environment").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }
}
