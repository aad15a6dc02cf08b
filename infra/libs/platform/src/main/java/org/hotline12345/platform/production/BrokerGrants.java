package org.hotline12345.platform.production;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.errors.SecurityDisabledException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.hotline12345.contracts.Topics;
import org.hotline12345.platform.messaging.ConsumerBindings;

/**
 * What the service's broker user may do, derived from its own bindings as README "Securing the broker and the
 * database" documents it, against what the broker's authorizer grants it (and everyone): a grant beyond the
 * documented ones is a problem, since with Write on a topic another service owns a stolen credential forges that
 * service's events. Production mode does not start a service with such a grant, nor on a broker without an
 * authorizer, where every user may do anything.
 */
public class BrokerGrants {

    private static final Pattern JAAS_USER = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");
    private static final long BOUND_SECONDS = 30;

    /** A grant as the authorizer keeps it, host aside. */
    record Grant(ResourceType type, String name, PatternType pattern, AclOperation operation) {

        static Grant of(AclBinding acl) {
            return new Grant(acl.pattern().resourceType(), acl.pattern().name(), acl.pattern().patternType(),
                    acl.entry().operation());
        }

        @Override
        public String toString() {
            String resource = switch (type) {
                case CLUSTER -> "the cluster";
                case TOPIC -> "topic " + name;
                case GROUP -> "group " + name;
                case TRANSACTIONAL_ID -> "transactional id " + name;
                default -> type.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
            };
            return operation.name() + " on " + resource + (pattern == PatternType.LITERAL ? "" : " ("
                    + pattern.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    private final Map<String, Object> adminConfigs;
    private final Set<Grant> documented;

    /**
     * @param adminConfigs how the service's admin client reaches the broker, signed in as the service's user
     * @param service the service's name, which its consumer groups and its own topics carry
     * @param transactionalIdPrefix the prefix of the service's transactional ids
     * @param bindings the service's consumer bindings
     */
    public BrokerGrants(Map<String, Object> adminConfigs, String service, String transactionalIdPrefix,
            List<ConsumerBindings.Binding> bindings) {
        this.adminConfigs = Map.copyOf(adminConfigs);
        this.documented = documented(service, transactionalIdPrefix, bindings);
    }

    /** What the README grants the service's user, derived from its bindings and the hub's topics. */
    static Set<Grant> documented(String service, String transactionalIdPrefix,
            List<ConsumerBindings.Binding> bindings) {
        Set<Grant> grants = new LinkedHashSet<>();
        // every service looks each hub topic up at start-up
        Topics.ALL.forEach(topic -> grants.add(literal(ResourceType.TOPIC, topic, AclOperation.DESCRIBE)));
        for (ConsumerBindings.Binding binding : bindings) {
            binding.reads().forEach(topic -> readable(grants, topic));
            grants.add(literal(ResourceType.GROUP, binding.group(), AclOperation.READ));
            grants.add(literal(ResourceType.GROUP, binding.group(), AclOperation.DESCRIBE));
            if (binding.retryTopic() != null) {
                writable(grants, binding.retryTopic());
            }
            if (binding.deadLetterTopic() != null) {
                writable(grants, binding.deadLetterTopic());
                readable(grants, binding.deadLetterTopic());
            }
        }
        grants.add(literal(ResourceType.GROUP, service + "-dead-letter-replay", AclOperation.READ));
        grants.add(literal(ResourceType.GROUP, service + "-dead-letter-replay", AclOperation.DESCRIBE));
        // each hub topic has one writer, its owner, whose name it carries
        List<String> owned = Topics.ALL.stream().filter(topic -> topic.startsWith("hotline." + service + "."))
                .toList();
        owned.forEach(topic -> writable(grants, topic));
        if (!owned.isEmpty()) {
            grants.add(new Grant(ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix, PatternType.PREFIXED,
                    AclOperation.WRITE));
            grants.add(new Grant(ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix, PatternType.PREFIXED,
                    AclOperation.DESCRIBE));
            grants.add(literal(ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE));
        }
        // to list its own grants at start-up
        grants.add(literal(ResourceType.CLUSTER, "kafka-cluster", AclOperation.DESCRIBE));
        // where the services are to create missing topics themselves (README: otherwise they are made beforehand)
        grants.add(literal(ResourceType.CLUSTER, "kafka-cluster", AclOperation.CREATE));
        return grants;
    }

    private static void readable(Set<Grant> grants, String topic) {
        grants.add(literal(ResourceType.TOPIC, topic, AclOperation.READ));
        grants.add(literal(ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
    }

    private static void writable(Set<Grant> grants, String topic) {
        grants.add(literal(ResourceType.TOPIC, topic, AclOperation.WRITE));
        grants.add(literal(ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
    }

    private static Grant literal(ResourceType type, String name, AclOperation operation) {
        return new Grant(type, name, PatternType.LITERAL, operation);
    }

    /** The grants the documented set does not hold, each named, or empty. */
    static List<String> surplus(Collection<AclBinding> acls, Set<Grant> documented) {
        Set<String> surplus = new LinkedHashSet<>();
        for (AclBinding acl : acls) {
            // a denial only narrows what is granted
            if (acl.entry().permissionType() == AclPermissionType.ALLOW && !documented.contains(Grant.of(acl))) {
                surplus.add(Grant.of(acl) + " for " + acl.entry().principal()
                        + ("*".equals(acl.entry().host()) ? "" : " from " + acl.entry().host()));
            }
        }
        return List.copyOf(surplus);
    }

    /** The principal the service signs in as, from its SASL login, or {@code null} when it names no user. */
    static String principal(Map<String, Object> configs) {
        Object login = configs.get(SaslConfigs.SASL_JAAS_CONFIG);
        String jaas = login instanceof Password password ? password.value() : login == null ? null : login.toString();
        if (jaas == null) {
            return null;
        }
        Matcher user = JAAS_USER.matcher(jaas);
        return user.find() ? "User:" + user.group(1) : null;
    }

    /** Why the service's broker user must not be used as it is, or empty when it has only its documented grants. */
    public List<String> problems() {
        String principal = principal(adminConfigs);
        if (principal == null) {
            return List.of("the Kafka login (SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG) names no username: the "
                    + "service's grants on the broker cannot be checked");
        }
        try (Admin admin = Admin.create(adminConfigs)) {
            List<AclBinding> acls = new ArrayList<>();
            for (String whom : List.of(principal, "User:*")) {
                acls.addAll(admin.describeAcls(new AclBindingFilter(ResourcePatternFilter.ANY,
                        new AccessControlEntryFilter(whom, null, AclOperation.ANY, AclPermissionType.ALLOW)))
                        .values().get(BOUND_SECONDS, TimeUnit.SECONDS));
            }
            return surplus(acls, documented).stream()
                    .map(grant -> "the broker grants " + grant + ", beyond what README \"Securing the broker and "
                            + "the database\" gives this service: remove it (kafka-acls.sh --remove)")
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SecurityDisabledException) {
                return List.of("the broker has no authorizer (authorizer.class.name): every user may read and "
                        + "write every topic, so anyone with a credential forges any service's events");
            }
            return List.of("the broker's grants of " + principal + " could not be listed (" + e.getCause()
                    + "): grant it Describe on the cluster");
        } catch (TimeoutException e) {
            return List.of("the broker's grants of " + principal + " could not be listed within " + BOUND_SECONDS
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted while listing the broker's grants of " + principal);
        }
    }

    /** Stops the start of {@code service} when {@link #problems()} finds any, naming each. */
    public void verify(String service) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Production mode (HOTLINE_PRODUCTION=true) does not start " + service
                    + ":\n - " + String.join("\n - ", problems));
        }
    }
}
