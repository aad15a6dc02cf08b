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
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests as {@code kubectl kustomize} renders the example overlay, read strictly into the API's
 * types, then what a city's cluster relies on: each service twice, probed on its management port, kept through node
 * drains and scaled by load; every secret it names defined; and network policies under which each pod reaches only
 * what it needs and is reached only by the ingress controller and Prometheus.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = List.of("intake-service", "routing-service", "notification-service",
            "analytics-service");
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

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    private static <T extends HasMetadata> T named(Class<T> kind, String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }
}
