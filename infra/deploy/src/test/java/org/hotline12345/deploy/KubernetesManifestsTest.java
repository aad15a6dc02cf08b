package org.hotline12345.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders the example overlay, read strictly into the API's
 * types, then what a city's cluster relies on: each service twice, probed on its management port, kept through node
 * drains and scaled by load; every secret it names defined; network policies under which each pod reaches only
 * what it needs and is reached only by the ingress controller and Prometheus; and the staff pages, which sign in at the
 * tokens' issuer and reach each service at its own host of the staff Ingress, over TLS, and not on the public one.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service",
            "analytics-service");
    /** What each service's pages load from it, besides the sign-in assets every page loads from its own service. */
    static final Map<String, List<String>> PAGE_PATHS = Map.of(
            "intake-service", List.of("/console", "/console/console.js"),
            "routing-service", List.of("/workbench", "/desk", "/ticket-views/tickets.js"),
            "analytics-service", List.of("/dashboard", "/dashboard/dashboard.js"));
    static final List<String> SIGN_IN_PATHS = List.of("/hub/hub.js", "/hub/config.json", "/hub/callback.html",
            "/hub/signed-out.html", "/api/v1/city");
    static List<HasMetadata> objects;

    @BeforeAll
    static void render() {
        objects = KubernetesObjects.read(Tools.run(Tools.DEPLOY, "kubectl", "kustomize",
                "kubernetes/overlays/example"));
    }

    @Test
    void everyServiceRunsTwiceProbedOnItsManagementPortInProductionMode() {
        for (String service : SERVICES) {
            Deployment deployment = named(Deployment.class, service);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, Integer> ports = new HashMap<>();
            container.getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));

            assertThat(deployment.getSpec().getReplicas()).as(service).isGreaterThanOrEqualTo(2);
            assertThat(probe(container.getReadinessProbe().getHttpGet(), ports))
                    .isEqualTo("9080/actuator/health/readiness");
            assertThat(probe(container.getLivenessProbe().getHttpGet(), ports))
                    .isEqualTo("9080/actuator/health/liveness");
            assertThat(environment(container)).as(service).containsEntry("MANAGEMENT_SERVER_PORT", "9080")
                    .containsEntry("HOTLINE_PRODUCTION", "true").containsEntry("HOTLINE_KAFKA_REPLICAS", "3");
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                    .isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", "9080")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
        }
    }

    @Test
    void everyServiceSurvivesADrainAndScalesWithItsLoad() {
        for (String service : SERVICES) {
            Map<String, String> pods = named(Deployment.class, service).getSpec().getTemplate().getMetadata()
                    .getLabels();
            PodDisruptionBudget budget = named(PodDisruptionBudget.class, service);
            HorizontalPodAutoscaler autoscaler = named(HorizontalPodAutoscaler.class, service);

            assertThat(selects(budget.getSpec().getSelector(), pods)).as(service).isTrue();
            assertThat(budget.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(service);
            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
        }
    }

    @Test
    void everySecretAServiceNamesIsDefined() {
        Set<String> secrets = new TreeSet<>();
        objects.stream().filter(Secret.class::isInstance).forEach(s -> secrets.add(s.getMetadata().getName()));
        for (String service : SERVICES) {
            Container container = named(Deployment.class, service).getSpec().getTemplate().getSpec()
                    .getContainers().get(0);
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getSecretRef() != null) {
                    assertThat(secrets).as(service).contains(source.getSecretRef().getName());
                }
            }
            container.getEnv().stream().filter(e -> e.getValueFrom() != null
                            && e.getValueFrom().getSecretKeyRef() != null)
                    .forEach(e -> assertThat(secrets).as(service + " " + e.getName())
                            .contains(e.getValueFrom().getSecretKeyRef().getName()));
        }
        assertThat(environment(named(Deployment.class, "intake-service").getSpec().getTemplate().getSpec()
                .getContainers().get(0))).containsKeys("HOTLINE_PII_SEAL_KEY", "HOTLINE_PII_HASH_KEY",
                "MONGODB_URI", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        // routing opens a caller's number for the unit that calls back, and finds a caller's tickets by its hash
        assertThat(environment(named(Deployment.class, "routing-service").getSpec().getTemplate().getSpec()
                .getContainers().get(0))).containsKeys("HOTLINE_PII_SEAL_KEY", "HOTLINE_PII_HASH_KEY");
    }

    @Test
    void everyServiceReachesTheBrokerAndTheDatabaseOverTlsWithPlaceholdersProductionModeRefuses() {
        assertThat(generated(ConfigMap.class, "hotline-config").getData())
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        for (Secret secret : objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast).toList()) {
            Map<String, String> values = decoded(secret);
            assertThat(values).as(secret.getMetadata().getName()).isNotEmpty();
            // a placeholder keeps REPLACE-ME, which production mode refuses by name
            values.forEach((key, value) -> assertThat(value).as(secret.getMetadata().getName() + " " + key)
                    .contains("REPLACE-ME"));
            if (values.containsKey("MONGODB_URI")) {
                assertThat(values.get("MONGODB_URI")).as(secret.getMetadata().getName()).contains("&tls=true");
            }
        }
        Map<String, String> sms = decoded(generated(Secret.class, "hotline-sms"));
        assertThat(sms).containsKeys("HOTLINE_SMS_WEBHOOK_SECRET", "HOTLINE_SMS_PUSH_SECRET");
        assertThat(sms.get("HOTLINE_SMS_PUSH_SECRET")).isNotEqualTo(sms.get("HOTLINE_SMS_WEBHOOK_SECRET"));
        assertThat(environment(named(Deployment.class, "notification-service").getSpec().getTemplate().getSpec()
                .getContainers().get(0))).containsKey("HOTLINE_SMS_PUSH_SECRET");
    }

    @Test
    void everyPodReachesOnlyWhatItNeedsAndIsReachedOnlyByTheIngressAndPrometheus() {
        List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast).toList();
        assertThat(policies).anySatisfy(deny -> {
            assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
            assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        });
        for (String service : SERVICES) {
            Map<String, String> pods = named(Deployment.class, service).getSpec().getTemplate().getMetadata()
                    .getLabels();
            Map<String, Integer> ports = new HashMap<>();
            named(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()
                    .forEach((ContainerPort p) -> ports.put(p.getName(), p.getContainerPort()));
            Set<String> egress = new TreeSet<>();
            Set<String> ingress = new TreeSet<>();
            for (NetworkPolicy policy : policies) {
                if (!selects(policy.getSpec().getPodSelector(), pods)) {
                    continue;
                }
                policy.getSpec().getEgress().forEach(rule -> {
                    assertThat(rule.getTo()).as(policy.getMetadata().getName() + " names where to").isNotEmpty();
                    assertThat(rule.getPorts()).as(policy.getMetadata().getName() + " names ports").isNotEmpty();
                    rule.getPorts().forEach(port -> rule.getTo().forEach(peer ->
                            egress.add(number(port, ports) + " " + describe(peer))));
                });
                policy.getSpec().getIngress().forEach(rule -> {
                    assertThat(rule.getFrom()).as(policy.getMetadata().getName() + " names from where").isNotEmpty();
                    rule.getPorts().forEach(port -> rule.getFrom().forEach(peer ->
                            ingress.add(number(port, ports) + " " + describe(peer))));
                });
            }
            List<String> needs = new ArrayList<>(List.of("53 namespace kube-system", "9092 namespace kafka",
                    "27017 namespace mongodb"));
            assertThat(egress).as(service).allSatisfy(rule -> assertThat(rule).matches(
                    "(53 namespace kube-system|9092 namespace kafka|27017 namespace mongodb|443 ip .*)"));
            assertThat(egress).as(service).containsAll(needs).anyMatch(rule -> rule.startsWith("443 ip"));
            assertThat(ingress).as(service).containsExactlyInAnyOrder(ports.get("http") + " namespace ingress-nginx",
                    "9080 namespace monitoring");
        }
        assertThat(egressTo443(policies, "routing-service")).doesNotContain("0.0.0.0/0");
        assertThat(egressTo443(policies, "notification-service")).contains("0.0.0.0/0");
    }

    @Test
    void thePagesSignInAtTheIssuerAndReachEachServiceAtItsOwnStaffHostOverTls() {
        Map<String, String> pages = null;
        for (String service : SERVICES) {
            Map<String, String> env = environment(named(Deployment.class, service).getSpec().getTemplate().getSpec()
                    .getContainers().get(0));
            Map<String, String> settings = new TreeMap<>();
            env.forEach((name, value) -> {
                if (name.startsWith("HOTLINE_PAGES_")) {
                    settings.put(name, value);
                }
            });
            pages = pages == null ? settings : pages;
            assertThat(settings).as(service).isEqualTo(pages);
            assertThat(env.get("HOTLINE_PAGES_ISSUER")).as(service).isEqualTo(env.get("HOTLINE_SECURITY_ISSUER"));
        }
        assertThat(pages).containsEntry("HOTLINE_PAGES_CLIENT_ID", "hotline-pages");

        List<String> origins = new ArrayList<>();
        for (String service : SERVICES) {
            String name = service.substring(0, service.indexOf('-')).toUpperCase(Locale.ROOT);
            URI address = URI.create(pages.get("HOTLINE_PAGES_SERVICES_" + name));
            // a browser hands a page the SHA-256 of PKCE only over HTTPS (or on a loopback address)
            assertThat(address.getScheme()).as(service).isEqualTo("https");
            assertThat(address.getPath()).as(service + " without a path or trailing slash").isEmpty();
            List<String> paths = new ArrayList<>();
            if (PAGE_PATHS.containsKey(service)) {
                paths.addAll(PAGE_PATHS.get(service));
                paths.addAll(SIGN_IN_PATHS);
                origins.add(address.toString());
            } else {
                // the supervisor desk reads notification's texts from the browser
                paths.add("/api/v1/notifications");
            }
            for (String path : paths) {
                assertThat(routed(address.getHost(), path)).as(address.getHost() + path)
                        .isEqualTo(service + ":http over TLS");
            }
        }
        assertThat(pages.get("HOTLINE_PAGES_ALLOWED_ORIGINS").split(",")).containsExactlyInAnyOrderElementsOf(origins);

        String publicHost = named(Ingress.class, "hotline-public").getSpec().getRules().get(0).getHost();
        PAGE_PATHS.values().forEach(paths -> paths.forEach(path ->
                assertThat(routed(publicHost, path)).as("public " + path).isNull()));
    }

    /**
     * Where the Ingresses send a request for {@code host} and {@code path} ({@code service:port}, the longest matching
     * path winning, and whether the host is served over TLS); null when nowhere.
     */
    private static String routed(String host, String path) {
        String backend = null;
        int longest = -1;
        for (Ingress ingress : objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList()) {
            List<IngressTLS> tls = ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
            boolean secure = tls.stream().anyMatch(t -> t.getHosts().contains(host));
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (!host.equals(rule.getHost())) {
                    continue;
                }
                for (HTTPIngressPath candidate : rule.getHttp().getPaths()) {
                    String prefix = candidate.getPath();
                    boolean matches = "Exact".equals(candidate.getPathType()) ? path.equals(prefix)
                            : path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
                    if (matches && prefix.length() > longest) {
                        longest = prefix.length();
                        backend = candidate.getBackend().getService().getName() + ":"
                                + candidate.getBackend().getService().getPort().getName()
                                + (secure ? " over TLS" : " without TLS");
                    }
                }
            }
        }
        return backend;
    }

    /** The 443 destinations of the policies that select {@code service}'s pods. */
    private static Set<String> egressTo443(List<NetworkPolicy> policies, String service) {
        Map<String, String> pods = named(Deployment.class, service).getSpec().getTemplate().getMetadata().getLabels();
        Set<String> blocks = new TreeSet<>();
        policies.stream().filter(p -> selects(p.getSpec().getPodSelector(), pods))
                .flatMap(p -> p.getSpec().getEgress().stream())
                .filter(rule -> rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() != null
                        && port.getPort().getIntVal() == 443))
                .flatMap(rule -> rule.getTo().stream())
                .filter(peer -> peer.getIpBlock() != null)
                .forEach(peer -> blocks.add(peer.getIpBlock().getCidr()));
        return blocks;
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ip " + peer.getIpBlock().getCidr();
        }
        if (peer.getNamespaceSelector() != null) {
            return "namespace " + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
        }
        // a peer in the hub's own namespace: the services never call each other
        return "pods " + peer.getPodSelector().getMatchLabels();
    }

    private static String number(NetworkPolicyPort port, Map<String, Integer> named) {
        IntOrString value = port.getPort();
        return String.valueOf(value.getIntVal() != null ? value.getIntVal() : named.get(value.getStrVal()));
    }

    private static String probe(HTTPGetAction get, Map<String, Integer> ports) {
        IntOrString port = get.getPort();
        return (port.getIntVal() != null ? port.getIntVal() : ports.get(port.getStrVal())) + get.getPath();
    }

    /** The container's environment: its own variables and those of the ConfigMaps and Secrets it takes whole. */
    private static Map<String, String> environment(Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                env.putAll(named(ConfigMap.class, source.getConfigMapRef().getName()).getData());
            }
            if (source.getSecretRef() != null) {
                Secret secret = named(Secret.class, source.getSecretRef().getName());
                List.of(secret.getData(), secret.getStringData()).forEach(data -> {
                    if (data != null) {
                        data.keySet().forEach(key -> env.put(key, "(from " + secret.getMetadata().getName() + ")"));
                    }
                });
            }
        }
        container.getEnv().forEach(e -> env.put(e.getName(), e.getValue() != null ? e.getValue()
                : "(from " + (e.getValueFrom().getSecretKeyRef() != null
                        ? e.getValueFrom().getSecretKeyRef().getName() : "elsewhere") + ")"));
        return env;
    }

    private static Map<String, String> decoded(Secret secret) {
        Map<String, String> values = new TreeMap<>();
        if (secret.getData() != null) {
            // kustomize folds long values over lines
            secret.getData().forEach((key, value) -> values.put(key, new String(java.util.Base64.getMimeDecoder()
                    .decode(value), java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    /** An object a kustomize generator made: its name is {@code name} and a hash of its content. */
    private static <T extends HasMetadata> T generated(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().matches(java.util.regex.Pattern.quote(name) + "-[a-z0-9]+"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    private static <T extends HasMetadata> T named(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }
}
