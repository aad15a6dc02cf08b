package org.hotline12345.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.hotline12345.contracts.Topics;
import org.hotline12345.devstack.Devstack;
import org.hotline12345.devstack.DevstackOptions;
import org.hotline12345.embedded.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The whole hub under a steady load of operator calls while its parts fail: the four services killed with SIGKILL at
 * once and started again, the broker stopped and started, a second instance of every service started and the first of each
 * killed, the SMS provider slow, silent after accepting and failing, MongoDB frozen behind a proxy. The operators retry every call not
 * answered 202 with its key, as a console would. Afterwards everything acknowledged is compared with what every
 * service did: each ticket received, assigned, texted and counted exactly once, and nothing that was not
 * acknowledged. {@code -Dfaults.kills=N} kills the services N times (1 by default, to keep the build short);
 * {@code -Dfaults.freeze=60s} sets how long MongoDB stays frozen (20 s by default). The figures go to
 * {@code target/faults-report.md}.
 */
class FaultsIT {

    private static final Logger log = LoggerFactory.getLogger(FaultsIT.class);
    private static final int CALLS_PER_SECOND = 5;
    private static final int KILLS = Integer.getInteger("faults.kills", 1);
    private static final Duration FREEZE = Duration.parse("PT" + System.getProperty("faults.freeze", "20s"));
    /** Calls acknowledged between two faults: the hub has recovered and worked under load again. */
    private static final int BETWEEN = 20;
    private static final Duration BROKER_DOWN = Duration.ofSeconds(10);
    private static final Duration PROVIDER_FAULT = Duration.ofSeconds(10);

    /** Kept after the run, with every service's log, for a look at what happened. */
    static final Path data = Path.of("target/faults-stack").toAbsolutePath();
    static ProviderStub provider;
    static TcpProxy mongoProxy;
    static Devstack stack;
    static final List<String> timeline = new ArrayList<>();

    @BeforeAll
    static void startTheStack() throws Exception {
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        List<Integer> free = FreePorts.pick(DevstackOptions.SERVICES.size() + 1);
        Map<String, Integer> ports = new HashMap<>();
        DevstackOptions.SERVICES.forEach(s -> ports.put(s, free.get(ports.size())));
        int mongoPort = free.get(ports.size());
        provider = new ProviderStub();
        mongoProxy = new TcpProxy(mongoPort);
        Map<String, List<String>> arguments = new HashMap<>();
        DevstackOptions.SERVICES.forEach(service -> arguments.put(service, new ArrayList<>(List.of(
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoProxy.port() + "/" + service))));
        arguments.get("notification").addAll(List.of("--hotline.notification.gateway=http",
                "--hotline.notification.http.base-url=" + provider.url(), "--hotline.notification.http.api-key=k",
                "--hotline.notification.http.secret=s", "--hotline.notification.http.rate-per-second=1000",
                // the circuit a provider fault opens tries again within the next fault, so that each fault meets it
                "--hotline.notification.http.open-for=5s"));
        stack = Devstack.start(new DevstackOptions(Path.of("../..").toAbsolutePath().normalize(), data, false, 0,
                mongoPort, ports, true, false, DevstackOptions.JvmProfile.QUICK), arguments);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
        if (mongoProxy != null) {
            mongoProxy.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void losesDoublesAndInventsNothingWhileServicesDieTheBrokerRestartsAndMongoFreezes() throws Exception {
        Instant began = Instant.now();
        try (OperatorLoad operators = new OperatorLoad(stack.url("intake"), stack.tokens().get("operator"))) {
            operators.start(CALLS_PER_SECOND);
            awaitProgress(operators);
            String[] services = DevstackOptions.SERVICES.toArray(String[]::new);
            for (int round = 1; round <= KILLS; round++) {
                // all four at once, as a power cut of their host would: each recovers what it held in flight while
                // the others recover theirs (one dying while the others run is the failover below)
                for (String service : services) {
                    stack.kill(service);
                }
                note("killed " + String.join(", ", services) + " (SIGKILL), round " + round);
                stack.restart(services);
                note("all healthy again");
                awaitProgress(operators);
            }
            stack.stopBroker();
            note("broker stopped");
            holdUnderLoad(operators, BROKER_DOWN);
            stack.startBroker();
            note("broker started");
            awaitProgress(operators);
            List<Integer> more = FreePorts.pick(DevstackOptions.SERVICES.size());
            List<String> firsts = DevstackOptions.SERVICES;
            // one after the other: four JVMs starting at once beside the running stack starve each other
            for (int i = 0; i < firsts.size(); i++) {
                String second = stack.startAnother(firsts.get(i), more.get(i));
                if (firsts.get(i).equals("intake")) {
                    operators.addIntake(stack.instanceUrl(second));
                }
                note("second instance " + second + " healthy");
            }
            awaitProgress(operators);
            for (String service : firsts) {
                stack.kill(service);
                note("killed the first " + service + " (SIGKILL) of two; its partitions move to the second");
                awaitProgress(operators);
            }
            for (ProviderStub.Behaviour behaviour : List.of(ProviderStub.Behaviour.SLOW,
                    ProviderStub.Behaviour.FAILS, ProviderStub.Behaviour.ACCEPTS_THEN_TIMES_OUT)) {
                provider.behave(behaviour);
                note("SMS provider " + behaviour);
                holdUnderLoad(operators, PROVIDER_FAULT);
                provider.behave(ProviderStub.Behaviour.WELL);
                note("SMS provider well again");
                awaitProgress(operators);
            }
            mongoProxy.freeze();
            note("MongoDB frozen");
            holdUnderLoad(operators, FREEZE);
            mongoProxy.thaw();
            note("MongoDB thawed");
            awaitProgress(operators);
            operators.stopCalling();
            note("no more new calls; " + operators.calls() + " made");

            await().atMost(Duration.ofMinutes(3)).conditionEvaluationListener(condition -> log.info(
                    "{} calls unanswered, refusals so far: {}", operators.unanswered(), operators.refusalsByReason()))
                    .pollInterval(Duration.ofSeconds(5)).until(() -> operators.unanswered() == 0);
            note("every call answered 202");
            Map<String, String> acknowledged = operators.accepted();
            Set<String> tickets = new HashSet<>(acknowledged.values());

            Outcome outcome = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> Outcome.read(stack, provider), o -> {
                        log.info("Not yet: {}", o.missing(tickets));
                        return o.settled(tickets);
                    });
            note("every acknowledged ticket assigned, texted and counted");
            report(operators, acknowledged, outcome, Duration.between(began, Instant.now()));

            assertThat(acknowledged).hasSize(operators.calls());
            assertThat(tickets).as("one ticket per call").hasSize(operators.calls());
            assertThat(outcome.intakeTickets).as("tickets stored at intake").containsExactlyInAnyOrderElementsOf(
                    tickets);
            assertThat(outcome.received.keySet()).as("TicketReceived").containsExactlyInAnyOrderElementsOf(tickets);
            assertThat(outcome.received.values()).as("TicketReceived events per ticket").containsOnly(1);
            assertThat(outcome.assigned.keySet()).as("TicketAssigned").containsExactlyInAnyOrderElementsOf(tickets);
            assertThat(outcome.assigned.values()).as("TicketAssigned events per ticket").containsOnly(1);
            assertThat(outcome.facts).as("analytics facts").containsExactlyInAnyOrderElementsOf(tickets);
            assertThat(outcome.texts.values()).as("texts the provider accepted per ticket and event")
                    .containsOnly(1);
            assertThat(outcome.textedTickets).as("tickets texted").containsExactlyInAnyOrderElementsOf(tickets);
            assertThat(outcome.sent).as("texts notification holds as sent: those the provider took")
                    .containsExactlyInAnyOrderElementsOf(outcome.texts.keySet());
        }
    }

    private static void note(String event) {
        String line = Instant.now() + "  " + event;
        timeline.add(line);
        log.info("fault timeline: {}", event);
    }

    /** Waits until {@link #BETWEEN} more calls were acknowledged than when it was called. */
    private static void awaitProgress(OperatorLoad operators) {
        int before = operators.accepted().size();
        await().atMost(Duration.ofMinutes(2)).until(() -> operators.accepted().size() >= before + BETWEEN);
        note(operators.accepted().size() + " calls acknowledged so far");
    }

    /**
     * Keeps a fault in place while the calls of its duration arrive ({@link #CALLS_PER_SECOND} a second), so that
     * every fault meets the same load however long the machine takes to deliver it.
     */
    private static void holdUnderLoad(OperatorLoad operators, Duration fault) {
        int before = operators.calls();
        long calls = fault.toSeconds() * CALLS_PER_SECOND;
        await().atMost(fault.multipliedBy(3)).until(() -> operators.calls() >= before + calls);
        note(calls + " calls made while it lasted");
    }

    private static void report(OperatorLoad operators, Map<String, String> acknowledged, Outcome outcome,
            Duration took) throws Exception {
        StringBuilder out = new StringBuilder("# Fault injection run\n\n");
        out.append("Kill rounds (the four services at once): ").append(KILLS).append(", MongoDB frozen for ").append(FREEZE.toSeconds())
                .append(" s, ").append(CALLS_PER_SECOND).append(" new calls/s, ").append(took.toSeconds())
                .append(" s in all.\n\n| calls | acknowledged | refusals before 202 (slowest) | tickets at intake "
                        + "| TicketReceived (max per ticket) | TicketAssigned (max per ticket) | texts accepted "
                        + "(max per text) | facts |\n|---|---|---|---|---|---|---|---|\n");
        out.append(String.format("| %d | %d | %d (%d ms) | %d | %d (%d) | %d (%d) | %d (%d) | %d |%n",
                operators.calls(), acknowledged.size(), operators.refusals(), operators.slowestRefusalMillis(),
                outcome.intakeTickets.size(), outcome.received.size(), max(outcome.received),
                outcome.assigned.size(), max(outcome.assigned), outcome.texts.size(), max(outcome.texts),
                outcome.facts.size()));
        out.append("\nRefusals by reason: ").append(operators.refusalsByReason()).append("\n");
        out.append("\nThe SMS provider's faults: ").append(provider.faultsMet()).append(".\n");
        out.append("\n```\n").append(String.join("\n", timeline)).append("\n```\n");
        Files.writeString(Path.of("target/faults-report.md"), out.toString());
        log.info("{}", out);
    }

    private static int max(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * What every service did, read from outside: the topics, the databases, the provider's counts.
     * {@code textedTickets}: the tickets whose receipt and assignment were both texted.
     */
    record Outcome(Set<String> intakeTickets, Map<String, Integer> received, Map<String, Integer> assigned,
            Map<String, Integer> texts, Set<String> textedTickets, Set<String> facts, Set<String> sent) {

        static Outcome read(Devstack stack, ProviderStub provider) {
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + stack.mongoPort())) {
                Map<String, Integer> texts = provider.accepted();
                return new Outcome(ids(mongo, "intake", "tickets"),
                        distinctEvents(stack, Topics.INTAKE_TICKETS, "org.hotline12345.TicketReceived"),
                        distinctEvents(stack, Topics.ROUTING_TICKETS, "org.hotline12345.TicketAssigned"),
                        texts, textedTwice(texts), ids(mongo, "analytics", "facts"), sent(mongo));
            }
        }

        boolean settled(Set<String> tickets) {
            return assigned.keySet().containsAll(tickets) && facts.containsAll(tickets)
                    && textedTickets.containsAll(tickets) && sent.containsAll(texts.keySet());
        }

        /** How many acknowledged tickets each service has not done its part for yet. */
        String missing(Set<String> tickets) {
            return String.format("not assigned %d, not counted %d, not texted twice %d, texts taken but not "
                    + "known as sent %d", tickets.stream().filter(t -> !assigned.containsKey(t)).count(),
                    tickets.stream().filter(t -> !facts.contains(t)).count(),
                    tickets.stream().filter(t -> !textedTickets.contains(t)).count(),
                    texts.keySet().stream().filter(t -> !sent.contains(t)).count());
        }

        /** The texts notification records as sent; their ids are the client references the provider saw. */
        private static Set<String> sent(MongoClient mongo) {
            Set<String> ids = new HashSet<>();
            mongo.getDatabase("notification").getCollection("notifications").find(new Document("status", "SENT"))
                    .projection(new Document("_id", 1)).forEach(d -> ids.add(String.valueOf(d.get("_id"))));
            return ids;
        }

        /** The tickets with two texts accepted; a client reference is the ticket id, a colon and the event id. */
        private static Set<String> textedTwice(Map<String, Integer> texts) {
            Map<String, Long> perTicket = texts.keySet().stream().collect(Collectors.groupingBy(
                    reference -> reference.substring(0, reference.indexOf(':')), Collectors.counting()));
            return perTicket.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        private static Set<String> ids(MongoClient mongo, String database, String collection) {
            Set<String> ids = new HashSet<>();
            mongo.getDatabase(database).getCollection(collection).find().projection(new Document("_id", 1))
                    .forEach(d -> ids.add(String.valueOf(d.get("_id"))));
            return ids;
        }

        /** For each ticket, how many distinct events of {@code type} (by CloudEvents id) are on {@code topic}. */
        private static Map<String, Integer> distinctEvents(Devstack stack, String topic, String type) {
            Map<String, Set<String>> ids = new HashMap<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                    new StringDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (type.equals(header(record, "ce_type"))) {
                            ids.computeIfAbsent(record.key(), k -> new HashSet<>()).add(header(record, "ce_id"));
                        }
                    }
                }
            }
            Map<String, Integer> counts = new HashMap<>();
            ids.forEach((ticket, events) -> counts.put(ticket, events.size()));
            return counts;
        }

        private static String header(ConsumerRecord<String, String> record, String name) {
            var header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
