package org.hotline12345.platform.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.hotline12345.contracts.Topics;
import org.hotline12345.platform.messaging.ConsumerBindings;
import org.junit.jupiter.api.Test;

class BrokerGrantsTest {

    static final String ROUTING = "User:hub-routing";
    static final List<ConsumerBindings.Binding> BINDINGS = List.of(
            new ConsumerBindings.Binding("assignTicket-in-0", "routing", List.of(Topics.INTAKE_TICKETS),
                    "hotline.intake.tickets.routing.retry", "hotline.intake.tickets.routing.dlq"),
            new ConsumerBindings.Binding("closeLoop-in-0", "routing", List.of(Topics.NOTIFICATION_FEEDBACK),
                    "hotline.notification.feedback.routing.retry", "hotline.notification.feedback.routing.dlq"));
    static final Set<BrokerGrants.Grant> DOCUMENTED = BrokerGrants.documented("routing", "hotline-routing-",
            BINDINGS);

    @Test
    void theReadmesGrantsOfAServiceAreNoSurplus() {
        assertThat(BrokerGrants.surplus(readmeRow(ROUTING), DOCUMENTED)).isEmpty();
    }

    @Test
    void namesWriteOnATopicTheServiceConsumesOrAnotherServiceOwns() {
        List<AclBinding> acls = new ArrayList<>(readmeRow(ROUTING));
        acls.add(topic(ROUTING, Topics.INTAKE_TICKETS, AclOperation.WRITE));
        acls.add(topic(ROUTING, Topics.NOTIFICATION_MESSAGES, AclOperation.WRITE));

        assertThat(BrokerGrants.surplus(acls, DOCUMENTED)).containsExactly(
                "WRITE on topic hotline.intake.tickets for User:hub-routing",
                "WRITE on topic hotline.notification.messages for User:hub-routing");
    }

    @Test
    void namesWildcardsPrefixesAllOperationsAndGrantsToEveryone() {
        List<AclBinding> acls = List.of(
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL),
                        new AccessControlEntry(ROUTING, "*", AclOperation.READ, AclPermissionType.ALLOW)),
                new AclBinding(new ResourcePattern(ResourceType.TOPIC, "hotline.", PatternType.PREFIXED),
                        new AccessControlEntry(ROUTING, "*", AclOperation.WRITE, AclPermissionType.ALLOW)),
                topic(ROUTING, "hotline.intake.tickets.routing.dlq", AclOperation.ALL),
                topic("User:*", Topics.ROUTING_TICKETS, AclOperation.READ),
                new AclBinding(new ResourcePattern(ResourceType.GROUP, "notification", PatternType.LITERAL),
                        new AccessControlEntry(ROUTING, "10.0.0.7", AclOperation.READ, AclPermissionType.ALLOW)));

        assertThat(BrokerGrants.surplus(acls, DOCUMENTED)).containsExactly(
                "READ on topic * for User:hub-routing",
                "WRITE on topic hotline. (prefixed) for User:hub-routing",
                "ALL on topic hotline.intake.tickets.routing.dlq for User:hub-routing",
                "READ on topic hotline.routing.tickets for User:*",
                "READ on group notification for User:hub-routing from 10.0.0.7");
    }

    @Test
    void aDenialOnlyNarrowsWhatIsGranted() {
        List<AclBinding> acls = List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "*",
                PatternType.LITERAL), new AccessControlEntry(ROUTING, "*", AclOperation.ALL, AclPermissionType.DENY)));

        assertThat(BrokerGrants.surplus(acls, DOCUMENTED)).isEmpty();
    }

    @Test
    void aServiceThatOwnsNoTopicWritesOnlyItsRetryAndDeadLetterTopics() {
        Set<BrokerGrants.Grant> analytics = BrokerGrants.documented("analytics", "hotline-analytics-", List.of(
                new ConsumerBindings.Binding("recordIntakeFact-in-0", "analytics", List.of(Topics.INTAKE_TICKETS),
                        "hotline.intake.tickets.analytics.retry", "hotline.intake.tickets.analytics.dlq")));
        List<AclBinding> acls = List.of(
                topic("User:hub-analytics", "hotline.intake.tickets.analytics.retry", AclOperation.WRITE),
                topic("User:hub-analytics", "hotline.intake.tickets.analytics.dlq", AclOperation.WRITE),
                topic("User:hub-analytics", Topics.INTAKE_TICKETS, AclOperation.WRITE),
                new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "hotline-analytics-",
                        PatternType.PREFIXED), new AccessControlEntry("User:hub-analytics", "*", AclOperation.WRITE,
                        AclPermissionType.ALLOW)));

        assertThat(BrokerGrants.surplus(acls, analytics)).containsExactly(
                "WRITE on topic hotline.intake.tickets for User:hub-analytics",
                "WRITE on transactional id hotline-analytics- (prefixed) for User:hub-analytics");
    }

    @Test
    void findsTheServicesUserInItsLogin() {
        assertThat(BrokerGrants.principal(Map.of("sasl.jaas.config", "org.apache.kafka.common.security.scram."
                + "ScramLoginModule required username=\"hub-routing\" password=\"secret\";")))
                .isEqualTo("User:hub-routing");
        assertThat(BrokerGrants.principal(Map.of())).isNull();
    }

    /** Routing's row of the README's table, as create-acls.sh grants it. */
    static List<AclBinding> readmeRow(String user) {
        List<AclBinding> acls = new ArrayList<>();
        Topics.ALL.forEach(topic -> acls.add(topic(user, topic, AclOperation.DESCRIBE)));
        for (ConsumerBindings.Binding binding : BINDINGS) {
            binding.topics().forEach(topic -> acls.add(topic(user, topic, AclOperation.READ)));
            acls.add(topic(user, binding.retryTopic(), AclOperation.READ));
            acls.add(topic(user, binding.retryTopic(), AclOperation.WRITE));
            acls.add(topic(user, binding.deadLetterTopic(), AclOperation.READ));
            acls.add(topic(user, binding.deadLetterTopic(), AclOperation.WRITE));
        }
        acls.add(topic(user, Topics.ROUTING_TICKETS, AclOperation.WRITE));
        for (String group : List.of("routing", "routing-dead-letter-replay")) {
            acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL),
                    new AccessControlEntry(user, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        }
        for (AclOperation operation : List.of(AclOperation.WRITE, AclOperation.DESCRIBE)) {
            acls.add(new AclBinding(new ResourcePattern(ResourceType.TRANSACTIONAL_ID, "hotline-routing-",
                    PatternType.PREFIXED), new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW)));
        }
        for (AclOperation operation : List.of(AclOperation.IDEMPOTENT_WRITE, AclOperation.DESCRIBE)) {
            acls.add(new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                    new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW)));
        }
        return acls;
    }

    private static AclBinding topic(String principal, String topic, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
