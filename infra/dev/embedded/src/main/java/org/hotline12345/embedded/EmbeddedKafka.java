package org.hotline12345.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Apache Kafka broker in KRaft combined mode (broker and controller in one node) on loopback. Its log
 * directory survives a restart; the broker is formatted only the first time.
 */
public final class EmbeddedKafka implements Broker, AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    /** Where the test's own admin client connects: the client port, or an unsecured one of a secured broker. */
    private final int adminPort;

    private EmbeddedKafka(KafkaRaftServer server, int port, int adminPort) {
        this.server = server;
        this.port = port;
        this.adminPort = adminPort;
    }

    /** Starts a broker on {@code port} (0 picks a free one) with its data in {@code dataDir}. */
    public static EmbeddedKafka start(int port, Path dataDir) {
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = FreePorts.pick();
        Path logDir = dataDir.resolve("kafka-logs");
        KafkaConfig config = KafkaConfig.fromProps(properties(brokerPort, controllerPort, logDir));
        format(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort, brokerPort);
        kafka.awaitReady();
        return kafka;
    }

    /**
     * Starts a broker whose clients must sign in with SASL/SCRAM-SHA-512 as {@code user}, as a production cluster
     * asks: {@link #bootstrapServers()} is that listener. The broker's own traffic and this class's admin client use
     * a second, unsecured listener on loopback that no service is told of.
     */
    public static EmbeddedKafka startWithScram(String user, String password, Path dataDir) {
        return startSecured(Map.of(user, password), false, dataDir);
    }

    /**
     * Starts a broker whose clients sign in with SASL/SCRAM-SHA-512 as one of {@code users} (name to password).
     * With {@code authorize}, every signed-in user may do only what ACLs grant it, as on a cluster with
     * {@code StandardAuthorizer} and {@code allow.everyone.if.no.acl.found=false}; this class's admin client, on
     * the unsecured internal listener, may do anything, and is how a test grants ACLs.
     */
    public static EmbeddedKafka startSecured(Map<String, String> users, boolean authorize, Path dataDir) {
        int brokerPort = FreePorts.pick();
        int internalPort = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path logDir = dataDir.resolve("kafka-logs");
        Properties props = properties(brokerPort, controllerPort, logDir);
        props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",INTERNAL://127.0.0.1:" + internalPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",INTERNAL://127.0.0.1:"
                + internalPort);
        props.put("inter.broker.listener.name", "INTERNAL");
        props.put("listener.security.protocol.map",
                "CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        if (authorize) {
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // the unsecured internal and controller listeners sign nobody in: their principal is ANONYMOUS
            props.put("super.users", "User:ANONYMOUS");
            props.put("allow.everyone.if.no.acl.found", "false");
        }
        KafkaConfig config = KafkaConfig.fromProps(props);
        format(config, logDir, users.entrySet().stream()
                .map(u -> "SCRAM-SHA-512=[name=" + u.getKey() + ",password=" + u.getValue() + "]").toList());
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort, internalPort);
        kafka.awaitReady();
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker as a super user sees it, on the unsecured internal listener of a secured broker. */
    public Broker unsecured() {
        return () -> "127.0.0.1:" + adminPort;
    }

    @Override
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + adminPort));
    }

    /** Creates the topics that are missing, each with {@code partitions} partitions. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not come up on " + bootstrapServers(), e);
        }
    }

    private static Properties properties(int brokerPort, int controllerPort, Path logDir) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        return props;
    }

    private static void format(KafkaConfig config, Path logDir) {
        format(config, logDir, List.of());
    }

    private static void format(KafkaConfig config, Path logDir, List<String> scramCredentials) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(scramCredentials)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not format " + logDir, e);
        }
    }
}
