package org.hotline12345.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The example files' values as a new operator would first try them: Compose with .env.example as it is, and the
 * Kubernetes example overlay's placeholder Secrets, stop every service in production mode, each placeholder named by
 * its variable, and the Compose stack's init step refuses them before anything starts; filled in as .env.example
 * says (openssl rand), every service starts and the init step lets the stack through.
 */
class ExampleValuesTest {

    static final Path COMPOSE = Tools.DEPLOY.resolve("compose");
    static final List<String> SERVICES = List.of("intake", "routing", "notification", "analytics");
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path scratch;

    @Test
    void composeWithTheExampleFileStopsEveryServiceNamingEachPlaceholder() {
        JsonNode services = compose(COMPOSE.resolve(".env.example"));
        for (String service : SERVICES) {
            Map<String, String> env = environment(services, service + "-1");
            List<String> problems = ProductionMode.problems(service, env);

            assertThat(placeholders(env)).as(service).isNotEmpty().allSatisfy(variable -> assertThat(problems)
                    .as(service + " names " + variable).anySatisfy(p -> assertThat(p).startsWith(variable + " ")));
            // the transport is right already: only the values are the operator's to make
            assertThat(problems).as(service).noneSatisfy(p -> assertThat(p).containsAnyOf("SASL_SSL",
                    "does not use TLS"));
            assertThat(problems).as(service + " never prints a placeholder's value")
                    .allSatisfy(p -> assertThat(p).doesNotContain("REPLACE-ME-"));
        }
    }

    @Test
    void composeFilledInAsTheExampleFileSaysStartsEveryService() throws IOException {
        JsonNode services = compose(filledIn());
        for (String service : SERVICES) {
            for (String instance : List.of(service + "-1", service + "-2")) {
                assertThat(ProductionMode.problems(service, environment(services, instance))).as(instance).isEmpty();
            }
        }
    }

    @Test
    void theInitStepRefusesTheExampleFileBeforeAnythingStartsAndLetsTheFilledInThrough() throws IOException {
        Map<String, String> example = environment(compose(COMPOSE.resolve(".env.example")), "init");
        Tools.Outcome refused = Tools.attempt(COMPOSE, example, "bash", "init/check-secrets.sh");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(placeholders(example)).isNotEmpty().allSatisfy(variable ->
                assertThat(refused.err()).as(variable).contains(" - " + variable + " "));
        assertThat(refused.err()).doesNotContain("REPLACE-ME-");
        // every service waits for it, and the brokers, the database, Keycloak and Grafana too
        JsonNode services = compose(filledIn());
        services.properties().forEach(service -> {
            if (!List.of("init", "prometheus", "gateway").contains(service.getKey())) {
                assertThat(waitsFor(services, service.getKey(), "init")).as(service.getKey()).isTrue();
            }
        });

        Tools.Outcome accepted = Tools.attempt(COMPOSE, environment(services, "init"), "bash",
                "init/check-secrets.sh");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    }

    @Test
    void theInitStepRefusesSecretsAStrangerCouldGuess() throws IOException {
        Map<String, String> env = environment(compose(filledIn()), "init");
        env.put("KAFKA_ANALYTICS_PASSWORD", HexFormat.of().formatHex(bytes(24)));
        env.put("KEYCLOAK_DEMO_PASSWORD", "a-long-but-chosen-demo-password-2026");
        env.put("HOTLINE_OPEN311_API_KEYS", hex32() + "," + HexFormat.of().formatHex(bytes(16)));

        Tools.Outcome refused = Tools.attempt(COMPOSE, env, "bash", "init/check-secrets.sh");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().lines().filter(line -> line.startsWith(" - ")).toList()).containsExactlyInAnyOrder(
                " - KAFKA_ANALYTICS_PASSWORD is not 32 random bytes: make it with openssl rand -hex 32",
                " - KEYCLOAK_DEMO_PASSWORD is not 32 random bytes: make it with openssl rand -hex 32",
                " - HOTLINE_OPEN311_API_KEYS holds a value that is not 32 random bytes: make each with openssl rand "
                        + "-hex 32");
    }

    @Test
    void kubernetesExampleOverlayStopsEveryServiceNamingEachPlaceholder() {
        List<HasMetadata> objects = KubernetesObjects.read(Tools.run(Tools.DEPLOY, "kubectl", "kustomize",
                "kubernetes/overlays/example"));
        for (String service : SERVICES) {
            Deployment deployment = named(objects, Deployment.class, service + "-service");
            Map<String, String> env = environment(objects, deployment.getSpec().getTemplate().getSpec()
                    .getContainers().get(0));
            List<String> problems = ProductionMode.problems(service, env);

            assertThat(placeholders(env)).as(service).isNotEmpty().allSatisfy(variable -> assertThat(problems)
                    .as(service + " names " + variable).anySatisfy(p -> assertThat(p).startsWith(variable + " ")));
            assertThat(problems).as(service).noneSatisfy(p -> assertThat(p).containsAnyOf("SASL_SSL",
                    "does not use TLS"));
        }
    }

    /** The Compose file's services, read with {@code envFile} as docker-compose reads them. */
    private static JsonNode compose(Path envFile) {
        return YAML.readTree(Tools.run(COMPOSE, "docker-compose", "--file", "compose.yaml", "--env-file",
                envFile.toString(), "config")).get("services");
    }

    private static Map<String, String> environment(JsonNode services, String service) {
        Map<String, String> env = new TreeMap<>();
        services.get(service).path("environment").properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }

    private static boolean waitsFor(JsonNode services, String service, String dependency) {
        JsonNode dependsOn = services.get(service).path("depends_on");
        if (dependsOn.has(dependency)) {
            return "service_completed_successfully".equals(dependsOn.path(dependency).path("condition").asString());
        }
        for (String next : dependsOn.propertyNames()) {
            if (waitsFor(services, next, dependency)) {
                return true;
            }
        }
        return false;
    }

    /** The variables whose value still holds the example files' placeholder. */
    private static List<String> placeholders(Map<String, String> env) {
        List<String> names = new ArrayList<>();
        env.forEach((name, value) -> {
            if (value != null && value.toUpperCase(Locale.ROOT).contains("REPLACE-ME")) {
                names.add(name);
            }
        });
        return names;
    }

    /** .env.example with every REPLACE-ME value made by the command its comment gives. */
    private Path filledIn() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(COMPOSE.resolve(".env.example"))) {
            int equals = line.indexOf('=');
            if (line.startsWith("#") || equals < 0 || !line.contains("REPLACE-ME")) {
                lines.add(line);
                continue;
            }
            String name = line.substring(0, equals);
            String value = switch (name) {
                case "KAFKA_CLUSTER_ID" -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(16));
                case "MONGO_REPLICA_SET_KEY" -> Base64.getEncoder().encodeToString(bytes(756));
                case "HOTLINE_PII_SEAL_KEY", "HOTLINE_PII_HASH_KEY" -> Base64.getEncoder().encodeToString(bytes(32));
                case "HOTLINE_OPEN311_API_KEYS" -> hex32() + "," + hex32();
                // as a provider issues them, in its own format
                case "HOTLINE_SMS_API_KEY" -> "LTAI5t" + HexFormat.of().formatHex(bytes(9));
                case "HOTLINE_SMS_SECRET" -> HexFormat.of().formatHex(bytes(15));
                default -> hex32();
            };
            lines.add(name + "=" + value);
        }
        Path env = scratch.resolve("filled-in.env");
        Files.write(env, lines, StandardCharsets.UTF_8);
        return env;
    }

    private static String hex32() {
        return HexFormat.of().formatHex(bytes(32));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A container's environment as Kubernetes gives it: ConfigMaps and Secrets taken whole, then its own. */
    private static Map<String, String> environment(List<HasMetadata> objects, Container container) {
        Map<String, String> env = new TreeMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                env.putAll(named(objects, ConfigMap.class, source.getConfigMapRef().getName()).getData());
            }
            if (source.getSecretRef() != null) {
                Secret secret = named(objects, Secret.class, source.getSecretRef().getName());
                if (secret.getData() != null) {
                    secret.getData().forEach((key, value) -> env.put(key, new String(Base64.getMimeDecoder()
                            .decode(value), StandardCharsets.UTF_8)));
                }
                if (secret.getStringData() != null) {
                    env.putAll(secret.getStringData());
                }
            }
        }
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }
}
