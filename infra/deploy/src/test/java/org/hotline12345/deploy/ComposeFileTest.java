package org.hotline12345.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Compose file as a Compose implementation reads it ({@code docker-compose config}, which validates it against the
 * Compose schema and resolves every anchor and variable from {@code .env.example}), then what a city's operators rely
 * on: a 3-broker cluster that keeps 2 copies before it acknowledges, a 3-member replica set that asks for a password,
 * two instances of each service in production mode started only once what they need is healthy, nothing of the hub
 * published but through its gateway, the staff pages signing in with the realm's public PKCE client and finding every
 * service where the gateway serves it, and Prometheus scraping every instance.
 */
class ComposeFileTest {

    static final Path COMPOSE = Tools.DEPLOY.resolve("compose");
    static final List<String> SERVICES = List.of("intake", "routing", "notification", "analytics");
    /** The services whose pages people sign in on: their origins are the pages' redirect and CORS origins. */
    static final List<String> PAGE_SERVICES = List.of("intake", "routing", "analytics");
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final JsonMapper JSON = JsonMapper.builder().build();
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

    @Test
    void everyInstanceSignsItsPagesInWithTheTokensIssuerAndFindsEachServiceThroughTheGateway() throws IOException {
        Map<String, String> pages = pageSettings("intake-1");
        for (String service : SERVICES) {
            for (String instance : names(service + "-")) {
                Map<String, String> env = environment(instance);
                assertThat(pageSettings(instance)).as(instance).isEqualTo(pages);
                assertThat(env.get("HOTLINE_PAGES_ISSUER")).as(instance).isEqualTo(env.get("HOTLINE_SECURITY_ISSUER"))
                        .isEqualTo(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
            }
        }
        assertThat(pages).containsEntry("HOTLINE_PAGES_ISSUER", environment("keycloak").get("KC_HOSTNAME")
                + "/realms/hotline").containsEntry("HOTLINE_PAGES_CLIENT_ID", "hotline-pages");
        assertThat(pages.get("HOTLINE_PAGES_SCOPE").split(" ")).contains("openid");
        assertThat(pages.get("HOTLINE_PAGES_ALLOWED_ORIGINS").split(","))
                .containsExactlyInAnyOrderElementsOf(pageOrigins(pages));

        // each service's address is a port the gateway publishes and passes, whole, to both of its instances
        String gateway = Files.readString(COMPOSE.resolve("gateway/nginx.conf"));
        Map<String, String> published = new HashMap<>();
        for (JsonNode port : services.get("gateway").path("ports")) {
            if (port.isString()) {
                // a port bound to an address is rendered in the short syntax: "host_ip:published:target/protocol"
                String[] parts = port.asString().replaceAll("/\\w+$", "").split(":");
                published.put(parts[parts.length - 2], parts[parts.length - 1]);
            } else {
                published.put(port.path("published").asString(), port.path("target").asString());
            }
        }
        Map<String, String> listeners = new HashMap<>();
        blocks(gateway, "server").values().forEach(server -> {
            Matcher listen = Pattern.compile("listen (\\d+);").matcher(server);
            Matcher root = Pattern.compile("location / \\{\\s*proxy_pass http://(\\w+);").matcher(server);
            if (listen.find() && root.find()) {
                listeners.put(listen.group(1), root.group(1));
            }
        });
        Map<String, String> upstreams = blocks(gateway, "upstream");
        for (String service : SERVICES) {
            URI address = URI.create(pages.get("HOTLINE_PAGES_SERVICES_" + service.toUpperCase(Locale.ROOT)));
            // hub.js signs in on 127.0.0.1 (a page opened on localhost moves there first)
            assertThat(address.getScheme() + "://" + address.getHost()).as(service).isEqualTo("http://127.0.0.1");
            assertThat(address.getPath()).as(service + " without a path or trailing slash").isEmpty();
            String target = published.get(String.valueOf(address.getPort()));
            assertThat(target).as(service + ": the gateway publishes " + address.getPort()).isNotNull();
            assertThat(listeners).as("the gateway's port " + target).containsEntry(target, service);
            assertThat(upstreams.get(service)).as("upstream " + service).contains(service + "-1:", service + "-2:");
        }
    }

    @Test
    void theRealmSignsThePagesInAsAPublicPkceClientWhoseTokensCarryTheHubsClaims() throws IOException {
        Map<String, String> pages = pageSettings("intake-1");
        JsonNode realm = realmAsKeycloakImportsIt(environment("keycloak"));
        JsonNode client = client(realm, pages.get("HOTLINE_PAGES_CLIENT_ID"));
        List<String> origins = pageOrigins(pages);

        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(client.path("redirectUris")))
                .containsExactlyInAnyOrderElementsOf(origins.stream().map(o -> o + "/hub/callback.html").toList());
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asString().split("##"))
                .containsExactlyInAnyOrderElementsOf(origins.stream().map(o -> o + "/hub/signed-out.html").toList());
        assertThat(strings(client.path("webOrigins"))).containsExactlyInAnyOrderElementsOf(origins);
        // the claims the services read, as the hub's own client has them: aud, roles, unit
        assertThat(client.path("fullScopeAllowed").asBoolean()).isTrue();
        assertThat(client.path("protocolMappers")).isEqualTo(client(realm, "hotline-hub").path("protocolMappers"));
        assertThat(mapper(client, "oidc-audience-mapper").path("included.client.audience").asString())
                .isEqualTo(environment("intake-1").get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
        assertThat(mapper(client, "oidc-usermodel-realm-role-mapper").path("claim.name").asString())
                .isEqualTo("roles");
        assertThat(mapper(client, "oidc-usermodel-attribute-mapper").path("claim.name").asString())
                .isEqualTo("unit");
    }

    /** The HOTLINE_PAGES_* settings of an instance. */
    private static Map<String, String> pageSettings(String instance) {
        Map<String, String> settings = new TreeMap<>();
        environment(instance).forEach((name, value) -> {
            if (name.startsWith("HOTLINE_PAGES_")) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    /** The addresses of the services that serve pages, as the browser reaches them. */
    private static List<String> pageOrigins(Map<String, String> pages) {
        return PAGE_SERVICES.stream().map(s -> pages.get("HOTLINE_PAGES_SERVICES_" + s.toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** The realm file as Keycloak imports it: its ${VARIABLE} placeholders replaced from Keycloak's environment. */
    private static JsonNode realmAsKeycloakImportsIt(Map<String, String> environment) throws IOException {
        Matcher placeholder = Pattern.compile("\\$\\{(\\w+)}")
                .matcher(Files.readString(COMPOSE.resolve("keycloak/hotline-realm.json")));
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String value = environment.get(placeholder.group(1));
            assertThat(value).as("Keycloak's environment sets " + placeholder.group(1)).isNotNull();
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(resolved);
        return JSON.readTree(resolved.toString());
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asString())) {
                return client;
            }
        }
        throw new AssertionError("the realm has no client " + clientId);
    }

    /** The configuration of the client's protocol mapper of that type. */
    private static JsonNode mapper(JsonNode client, String type) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (type.equals(mapper.path("protocolMapper").asString())) {
                return mapper.path("config");
            }
        }
        throw new AssertionError(client.path("clientId").asString() + " has no " + type);
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    /** The nginx configuration's top-level blocks of the http block, by kind ({@code server}, {@code upstream}). */
    private static Map<String, String> blocks(String conf, String kind) {
        Map<String, String> blocks = new HashMap<>();
        Matcher block = Pattern.compile("(?ms)^    " + kind + " ?(\\w*) \\{\\n(.*?)^    }$").matcher(conf);
        while (block.find()) {
            blocks.put(block.group(1).isEmpty() ? "#" + blocks.size() : block.group(1), block.group(2));
        }
        return blocks;
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
