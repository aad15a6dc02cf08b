package org.hotline12345.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One broker, one MongoDB server and one key pair per test JVM, started on first use and stopped when the JVM
 * ends, so integration tests of a module share them instead of paying the start-up for each class. By default the
 * broker and the wire server run in the JVM; with {@code -Dhotline.test.infrastructure=containers} (the Maven
 * profile {@code containers}) they run as Testcontainers on a Docker engine.
 */
public final class SharedTestInfrastructure {

    /** The issuer of the tests' tokens, which the services under test require. */
    public static final String ISSUER = "hotline-test";
    /** Contact keys for tests only: base64 of 32 fixed bytes each. */
    public static final String TEST_SEAL_KEY = "dGVzdC1zZWFsLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=";
    public static final String TEST_HASH_KEY = "dGVzdC1oYXNoLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=";

    private static SharedTestInfrastructure instance;

    private final Broker kafka;
    private final Database mongo;
    private final LocalKeys keys;

    private SharedTestInfrastructure(Broker kafka, Database mongo, LocalKeys keys) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.keys = keys;
    }

    public static synchronized SharedTestInfrastructure get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("hotline-it");
                LocalKeys keys = LocalKeys.inFolder(dir.resolve("keys"));
                if ("containers".equals(System.getProperty("hotline.test.infrastructure"))) {
                    instance = new SharedTestInfrastructure(ContainerInfrastructure.kafka(),
                            ContainerInfrastructure.mongo(), keys);
                } else {
                    EmbeddedKafka kafka = EmbeddedKafka.start(0, dir);
                    EmbeddedMongo mongo = EmbeddedMongo.inMemory();
                    instance = new SharedTestInfrastructure(kafka, mongo, keys);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        mongo.close();
                        kafka.close();
                    }, "hotline-it-shutdown"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public Broker kafka() {
        return kafka;
    }

    public Database mongo() {
        return mongo;
    }

    /** Tokens of the tests' issuer, for the hub's audience. */
    public TokenMinter tokens() {
        return keys.minter(ISSUER);
    }

    /** Tokens signed with the same trusted key but naming another issuer, as another realm's would. */
    public TokenMinter tokensIssuedBy(String issuer) {
        return keys.minter(issuer);
    }

    /**
     * Registers the properties that point a service at this infrastructure, with its own database; pass a
     * dynamic property registry's {@code add}: {@code infra.register(registry::add, "intake-it")}.
     */
    public void register(java.util.function.BiConsumer<String, java.util.function.Supplier<Object>> registry,
            String database) {
        springProperties(database).forEach((name, value) -> registry.accept(name, () -> value));
    }

    /** The Spring properties that point a service at this infrastructure, with its own database. */
    public Map<String, String> springProperties(String database) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("spring.mongodb.uri", mongo.uri(database));
        props.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                keys.publicKeyPem().toUri().toString());
        props.put("spring.security.oauth2.resourceserver.jwt.audiences", TokenMinter.AUDIENCE);
        props.put("hotline.security.issuer", ISSUER);
        props.put("hotline.pii.seal-key", TEST_SEAL_KEY);
        props.put("hotline.pii.hash-key", TEST_HASH_KEY);
        return props;
    }
}
