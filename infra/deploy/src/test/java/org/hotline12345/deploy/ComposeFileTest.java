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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Compose file as a Compose implementation reads it ({@code docker-compose config}, which validates it against the
 * Compose schema and resolves every anchor and variable from {@code .env.example}), then what a city's operators rely
 * on: a 3-broker cluster that keeps 2 copies before it acknowledges, a 3-member replica set that asks for a password,
 * two instances of each service in production mode started only once what they need is healthy, nothing of the hub
 * published but through its gateway, the staff pages signing in with the realm's public PKCE client and finding every
 * service where the gateway serves it, and Prometheus scraping every instance. And what a stranger on the stack's
 * networks or the host's LAN meets: brokers that allow each service only the README's grants, TLS to the brokers,
 * the database and the identity provider, which answers on the host's loopback address only, in production mode, with
 * one client that signs people in by authorization code with PKCE to exact addresses.
 */
class ComposeFileTest {

    static final Path COMPOSE = Tools.DEPLOY.resolve("compose");
    static final List<String> SERVICES = List.of("intake", "routing", "notification", "analytics");
    /** The services whose pages people sign in on: their origins are the pages' redirect and CORS origins. */
    static final List<String> PAGE_SERVICES = List.of("intake", "routing", "analytics");
    static final List<String> HUB_TOPICS = List.of("hotline.intake.tickets", "hotline.routing.tickets",
            "hotline.notification.messages", "hotline.notification.feedback");
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

        assertThat(brokers()).containsExactly("kafka-1", "kafka-2", "kafka-3");
        for (String node : brokers()) {
            assertThat(services.get(node).path("image").asString()).startsWith("apache/kafka:");
            assertThat(services.get(node).path("healthcheck").isObject()).isTrue();
        }
        assertThat(broker).contains("default.replication.factor=3", "min.insync.replicas=2",
                "offsets.topic.replication.factor=3", "transaction.state.log.replication.factor=3",
                "transaction.state.log.min.isr=2", "SCRAM-SHA-512");
    }

    @Test
    void theBrokersAllowOnlyWhatAnAclGrantsAndSpeakOnlyTls() throws IOException {
        Map<String, String> broker = brokerProperties(Files.readString(COMPOSE.resolve("kafka/start-broker.sh")));

        assertThat(broker).containsEntry("authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                // the brokers' own user (replication, the init step) and the quorum's, no service's
                .containsEntry("super.users", "User:hub-broker;User:controller")
                .containsEntry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_SSL")
                .containsEntry("inter.broker.listener.name", "SASL_SSL")
                .containsEntry("ssl.endpoint.identification.algorithm", "https");
        assertThat(broker.get("listeners")).startsWith("SASL_SSL://").contains(",CONTROLLER://");
        assertThat(broker.get("advertised.listeners")).startsWith("SASL_SSL://");
        for (String node : brokers()) {
            assertThat(services.get(node).path("volumes").toString()).as(node)
                    .contains("/tls/" + node + ":/opt/tls");
        }
    }

    @Test
    void theInitStepGivesEachServicesUserExactlyTheReadmesGrants(@TempDir Path scratch) throws IOException {
        Path bin = Files.createDirectories(scratch.resolve("bin"));
        Path calls = scratch.resolve("calls");
        for (String tool : List.of("kafka-acls.sh", "kafka-topics.sh")) {
            Files.writeString(bin.resolve(tool), "#!/usr/bin/env bash\necho \"" + tool + " $*\" >> \"" + calls
                    + "\"\n");
            bin.resolve(tool).toFile().setExecutable(true);
        }
        Map<String, String> init = environment("kafka-init");

        Tools.Outcome ran = Tools.attempt(COMPOSE, Map.of("KAFKA_HOME", scratch.toString(), "KAFKA_BROKER_PASSWORD",
                "x", "HOTLINE_KAFKA_PARTITIONS", init.get("HOTLINE_KAFKA_PARTITIONS")), "bash",
                "kafka/create-acls.sh");
        assertThat(ran.exitCode()).as(ran.err()).isZero();

        Set<String> granted = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        for (String call : Files.readAllLines(calls)) {
            List<String> args = List.of(call.split(" "));
            assertThat(args).contains("--command-config");
            if (args.get(0).equals("kafka-topics.sh")) {
                assertThat(args).contains("--create", "--if-not-exists");
                assertThat(args.get(args.indexOf("--replication-factor") + 1)).isEqualTo("3");
                topics.add(args.get(args.indexOf("--topic") + 1));
                continue;
            }
            assertThat(args).contains("--add").doesNotContain("--deny-principal");
            String principal = args.get(args.indexOf("--allow-principal") + 1);
            String operation = args.get(args.indexOf("--operation") + 1);
            String resource = args.contains("--cluster") ? "cluster" : args.contains("--topic")
                    ? "topic " + args.get(args.indexOf("--topic") + 1) : args.contains("--group")
                    ? "group " + args.get(args.indexOf("--group") + 1)
                    : "transactional-id " + args.get(args.indexOf("--transactional-id") + 1)
                            + (args.contains("prefixed") ? "*" : "");
            granted.add(principal + " " + operation + " " + resource);
        }

        Set<String> expected = new TreeSet<>();
        Set<String> expectedTopics = new TreeSet<>(HUB_TOPICS);
        readmeAclTable().forEach((service, row) -> {
            String user = "User:hub-" + service + " ";
            HUB_TOPICS.forEach(topic -> expected.add(user + "Describe topic " + topic));
            row.reads().forEach(topic -> expected.add(user + "Read topic " + topic));
            row.writes().forEach(topic -> expected.add(user + "Write topic " + topic));
            expected.add(user + "Read group " + service);
            expected.add(user + "Read group " + service + "-dead-letter-replay");
            row.transactionalIdPrefixes().forEach(prefix -> {
                expected.add(user + "Write transactional-id " + prefix + "*");
                expected.add(user + "Describe transactional-id " + prefix + "*");
            });
            if (row.idempotentWrite()) {
                expected.add(user + "IdempotentWrite cluster");
            }
            if (row.describeCluster()) {
                expected.add(user + "Describe cluster");
            }
            // its dead letters and the retry topics a replay writes to, as its application.yml names them
            List<String> retries = retryTopics(service);
            assertThat(retries).as(service).hasSameSizeAs(deadLetterTopics(service))
                    .allMatch(topic -> topic.endsWith("." + service + ".retry"));
            Stream.concat(deadLetterTopics(service).stream(), retries.stream()).forEach(topic -> {
                expected.add(user + "Write topic " + topic);
                expected.add(user + "Read topic " + topic);
                expectedTopics.add(topic);
            });
        });
        assertThat(readmeAclTable()).containsOnlyKeys(SERVICES);
        assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(topics).containsExactlyInAnyOrderElementsOf(expectedTopics);
        // no service may write a hub topic it does not own, so none can forge another's events, replays included:
        // analytics' user, which only reads, writes nothing but its own dead letters and retries
        for (String service : SERVICES) {
            for (String topic : HUB_TOPICS) {
                // a hub topic carries its owner's name: hotline.<owner>.<stream>
                if (!topic.startsWith("hotline." + service + ".")) {
                    assertThat(granted).as(service).doesNotContain("User:hub-" + service + " Write topic " + topic);
                }
            }
        }
        assertThat(granted).noneMatch(grant -> grant.startsWith("User:hub-analytics Write topic hotline.")
                && !grant.endsWith(".dlq") && !grant.endsWith(".analytics.retry"));
        assertThat(Files.readString(COMPOSE.resolve("kafka/create-acls.sh"))).contains("security.protocol=SASL_SSL",
                "username=\"hub-broker\"");
        for (String service : SERVICES) {
            assertThat(services.get(service + "-1").path("depends_on").path("kafka-init").path("condition")
                    .asString()).as(service).isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void runsAThreeMemberReplicaSetThatAsksEveryClientToSignIn() {
        assertThat(names("mongo-")).contains("mongo-1", "mongo-2", "mongo-3", "mongo-init");
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            String command = services.get(member).path("command").toString();
            assertThat(command).contains("--replSet", "rs0", "--keyFile", "\"--tlsMode\",\"requireTLS\"",
                    "--tlsCertificateKeyFile", "--tlsCAFile");
            assertThat(services.get(member).path("volumes").toString()).contains("/tls/" + member + ":/opt/tls");
            assertThat(services.get(member).path("healthcheck").path("test").toString()).contains("--tls");
        }
        assertThat(services.get("mongo-init").path("entrypoint").toString()).contains("--tls --tlsCAFile");
        for (String service : SERVICES) {
            String uri = environment(service + "-1").get("MONGODB_URI");
            assertThat(uri).as(service).matches("mongodb://hub-" + service + ":[^@]+@mongo-1:27017,mongo-2:27017,"
                    + "mongo-3:27017/" + service + "\\?replicaSet=rs0&authSource=admin&tls=true");
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
                        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                        .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PEM");
                assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Djavax.net.ssl.trustStore=/opt/hotline/tls/");
                assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI")).startsWith("https://");
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
    void publishesOnlyThePublicEntranceAndGrafanaToTheNetworkAndTheIdentityProviderOnLoopback() {
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
        assertThat(published).containsExactlyInAnyOrder("gateway", "grafana");
        assertThat(services.get("prometheus").path("ports").toString()).contains("127.0.0.1");
        assertThat(services.get("keycloak").path("ports")).singleElement().satisfies(port -> assertThat(
                port.isString() ? port.asString().replaceAll("/\\w+$", "") : port.path("host_ip").asString() + ":"
                        + port.path("target").asString()).startsWith("127.0.0.1:").endsWith(":8443"));
    }

    @Test
    void keycloakRunsInProductionModeOverTlsOnly() {
        Map<String, String> env = environment("keycloak");

        assertThat(strings(services.get("keycloak").path("command"))).contains("start").doesNotContain("start-dev");
        assertThat(env).containsEntry("KC_HTTP_ENABLED", "false")
                .containsEntry("KC_HTTPS_CERTIFICATE_FILE", "/opt/keycloak/conf/tls/server.crt")
                .containsEntry("KC_HTTPS_CERTIFICATE_KEY_FILE", "/opt/keycloak/conf/tls/server.key");
        assertThat(env.get("KC_HOSTNAME")).startsWith("https://");
        assertThat(services.get("keycloak").path("volumes").toString())
                .contains("/tls/keycloak:/opt/keycloak/conf/tls");
        assertThat(services.get("keycloak").path("depends_on").path("init").path("condition").asString())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void theInitStepMakesACertificateOfTheStacksAuthorityForEveryTlsEndpoint(@TempDir Path tls) throws IOException {
        String user = Tools.run(COMPOSE, "id", "-u").strip();
        Tools.Outcome made = Tools.attempt(COMPOSE, Map.of("TLS_DIR", tls.toString(), "KAFKA_IMAGE_UID", user,
                "KEYCLOAK_IMAGE_UID", user), "bash", "init/make-certificates.sh");
        assertThat(made.exitCode()).as(made.err()).isZero();

        for (String host : List.of("kafka-1", "kafka-2", "kafka-3", "mongo-1", "mongo-2", "mongo-3", "keycloak")) {
            Path certificate = tls.resolve(host).resolve("server.crt");
            assertThat(Tools.run(tls, "openssl", "verify", "-CAfile", "ca/ca.crt", certificate.toString()))
                    .as(host).contains(": OK");
            assertThat(Tools.run(tls, "openssl", "x509", "-in", certificate.toString(), "-noout", "-ext",
                    "subjectAltName")).as(host).contains("DNS:" + host, "DNS:localhost");
        }
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertThat(Tools.run(tls, "keytool", "-list", "-storetype", "PKCS12", "-keystore", node + "/server.p12",
                    "-storepass", Files.readString(tls.resolve(node + "/keystore-password")).strip()))
                    .contains("PrivateKeyEntry");
        }
        assertThat(Tools.run(tls, "keytool", "-list", "-storetype", "PKCS12", "-keystore", "clients/truststore.p12",
                "-storepass", "changeit", "-alias", "hotline-compose-ca")).contains("trustedCertEntry");
        // a second run keeps what exists
        String authority = Files.readString(tls.resolve("ca/ca.crt"));
        assertThat(Tools.attempt(COMPOSE, Map.of("TLS_DIR", tls.toString(), "KAFKA_IMAGE_UID", user,
                "KEYCLOAK_IMAGE_UID", user), "bash", "init/make-certificates.sh").exitCode()).isZero();
        assertThat(Files.readString(tls.resolve("ca/ca.crt"))).isEqualTo(authority);
        assertThat(services.get("init").path("network_mode").asString()).isEqualTo("none");
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

        // the pages' client is the realm's only one: nothing else can get a token
        assertThat(realm.path("clients")).singleElement()
                .satisfies(only -> assertThat(only.path("clientId").asString()).isEqualTo("hotline-pages"));
        assertThat(realm.path("sslRequired").asString()).isEqualTo("all");
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("oauth2.device.authorization.grant.enabled").asString())
                .isEqualTo("false");
        assertThat(client.path("attributes").path("oidc.ciba.grant.enabled").asString()).isEqualTo("false");
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        // exact addresses: no wildcard, no "+" (Keycloak's "every redirect URI")
        assertThat(strings(client.path("redirectUris"))).noneMatch(uri -> uri.contains("*") || uri.equals("+"));
        assertThat(strings(client.path("webOrigins"))).noneMatch(uri -> uri.contains("*") || uri.equals("+"));
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asString().split("##"))
                .noneMatch(uri -> uri.contains("*") || uri.equals("+"));
        assertThat(strings(client.path("redirectUris")))
                .containsExactlyInAnyOrderElementsOf(origins.stream().map(o -> o + "/hub/callback.html").toList());
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asString().split("##"))
                .containsExactlyInAnyOrderElementsOf(origins.stream().map(o -> o + "/hub/signed-out.html").toList());
        assertThat(strings(client.path("webOrigins"))).containsExactlyInAnyOrderElementsOf(origins);
        // the claims the services read, as the hub's own client has them: aud, roles, unit
        assertThat(client.path("fullScopeAllowed").asBoolean()).isTrue();
        assertThat(mapper(client, "oidc-audience-mapper").path("included.custom.audience").asString())
                .isEqualTo(environment("intake-1").get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
        assertThat(mapper(client, "oidc-audience-mapper").path("access.token.claim").asString()).isEqualTo("true");
        assertThat(mapper(client, "oidc-usermodel-realm-role-mapper").path("claim.name").asString())
                .isEqualTo("roles");
        assertThat(mapper(client, "oidc-usermodel-attribute-mapper").path("claim.name").asString())
                .isEqualTo("unit");
    }

    @Test
    void theGatewayKeepsThePushSecretOutOfItsLogs() throws IOException {
        String notification = blocks(Files.readString(COMPOSE.resolve("gateway/nginx.conf")), "server").values()
                .stream().filter(server -> server.contains("listen 8083;")).findFirst().orElseThrow();
        Matcher push = Pattern.compile("(?s)location /api/v1/sms/aliyun/ \\{(.*?)}").matcher(notification);

        assertThat(push.find()).isTrue();
        assertThat(push.group(1)).contains("access_log off;", "error_log /dev/null;");
        assertThat(environment("notification-1").get("HOTLINE_SMS_PUSH_SECRET"))
                .isNotEqualTo(environment("notification-1").get("HOTLINE_SMS_WEBHOOK_SECRET"));
    }

    /** A row of the README's ACL table ("Securing the broker and the database"). */
    record AclRow(List<String> reads, List<String> writes, List<String> transactionalIdPrefixes,
            boolean idempotentWrite, boolean describeCluster) {
    }

    /** The README's ACL table, by service. */
    static Map<String, AclRow> readmeAclTable() throws IOException {
        Map<String, AclRow> rows = new TreeMap<>();
        Pattern quoted = Pattern.compile("`([^`]+)`");
        boolean inTable = false;
        for (String line : Files.readAllLines(Tools.DEPLOY.resolve("../../README.md").normalize())) {
            if (line.startsWith("| service user | Read")) {
                inTable = true;
                continue;
            }
            if (inTable && !line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (!inTable || cells.length < 5 || !SERVICES.contains(cells[1].strip())) {
                continue;
            }
            List<String> reads = new ArrayList<>();
            if (cells[2].contains("all four hub topics")) {
                reads.addAll(HUB_TOPICS);
            }
            Matcher read = quoted.matcher(cells[2]);
            while (read.find()) {
                if (read.group(1).startsWith("hotline.")) {
                    reads.add(read.group(1));
                }
            }
            List<String> writes = new ArrayList<>();
            Matcher write = quoted.matcher(cells[3]);
            while (write.find()) {
                writes.add(write.group(1));
            }
            List<String> prefixes = new ArrayList<>();
            Matcher prefix = Pattern.compile("TransactionalId prefix `([^`]+)` \\(Write, Describe\\)")
                    .matcher(cells[4]);
            while (prefix.find()) {
                prefixes.add(prefix.group(1));
            }
            rows.put(cells[1].strip(), new AclRow(reads, writes, prefixes,
                    cells[4].contains("IdempotentWrite on the cluster"), cells[4].contains("Describe on the cluster")));
        }
        return rows;
    }

    /** The dead-letter topics a service's application.yml names. */
    static List<String> deadLetterTopics(String service) {
        JsonNode application = YAML.readTree(Tools.DEPLOY.resolve("../../" + service
                + "-service/src/main/resources/application.yml").normalize().toFile());
        List<String> topics = new ArrayList<>();
        application.path("spring").path("cloud").path("stream").path("kafka").path("bindings").forEach(binding ->
                topics.add(binding.path("consumer").path("dlq-name").asString()));
        return topics;
    }

    /** The retry topics a service's application.yml lists in its bindings' destinations, after the topics. */
    static List<String> retryTopics(String service) {
        JsonNode application = YAML.readTree(Tools.DEPLOY.resolve("../../" + service
                + "-service/src/main/resources/application.yml").normalize().toFile());
        List<String> topics = new ArrayList<>();
        application.path("spring").path("cloud").path("stream").path("bindings").forEach(binding -> {
            for (String topic : binding.path("destination").asString().split(",")) {
                if (topic.strip().endsWith(".retry")) {
                    topics.add(topic.strip());
                }
            }
        });
        return topics;
    }

    /** The server.properties start-broker.sh writes, as written (its variables unexpanded). */
    private static Map<String, String> brokerProperties(String script) {
        Matcher heredoc = Pattern.compile("(?s)cat > \"\\$config\" <<EOF\n(.*?)\nEOF").matcher(script);
        assertThat(heredoc.find()).as("start-broker.sh writes server.properties").isTrue();
        Map<String, String> properties = new TreeMap<>();
        heredoc.group(1).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line ->
                properties.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        return properties;
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

    /** The Kafka nodes (not the init step that creates the topics and ACLs). */
    private static List<String> brokers() {
        return names("kafka-").stream().filter(name -> name.matches("kafka-\\d+")).toList();
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
