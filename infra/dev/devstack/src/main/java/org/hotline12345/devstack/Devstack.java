package org.hotline12345.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.hotline12345.contracts.Topics;
import org.hotline12345.embedded.EmbeddedKafka;
import org.hotline12345.embedded.EmbeddedMongo;
import org.hotline12345.embedded.FreePorts;
import org.hotline12345.embedded.OwnerOnly;
import org.hotline12345.embedded.LocalKeys;
import org.hotline12345.embedded.TokenMinter;
import org.hotline12345.referencedata.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the whole hub on loopback: a real Apache Kafka broker (KRaft), a MongoDB wire-protocol server that keeps
 * its data in a file (or none, with {@code --mongo-uri}: the services then use that MongoDB), and the four services,
 * each as its own JVM; waits until every service is healthy; then writes and prints the demo users' tokens.
 * Closing it stops everything in reverse order.
 */
public final class Devstack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Devstack.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final int PARTITIONS = 3;

    private final DevstackOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Launch> launches = new LinkedHashMap<>();
    private final Map<String, List<String>> extraArguments;
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private Map<String, String> tokens = Map.of();
    private Path tokensFile;
    private String issuer;
    private String demoPassword;
    private List<DemoUsers.Person> people = List.of();
    private int identityPort;
    private String webhookSecret;
    private String open311ApiKey;

    private Devstack(DevstackOptions options, Map<String, List<String>> extraArguments) {
        this.options = options;
        this.extraArguments = Map.copyOf(extraArguments);
    }

    public static Devstack start(DevstackOptions options) {
        return start(options, Map.of());
    }

    /**
     * Starts the stack with {@code extraArguments} added to the command lines of the services named, as a test does
     * that puts a proxy in front of MongoDB or an SMS provider stub behind notification.
     */
    public static Devstack start(DevstackOptions options, Map<String, List<String>> extraArguments) {
        Devstack stack = new Devstack(options, extraArguments);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            log.info(DevstackOptions.usage());
            return;
        }
        DevstackOptions options;
        try {
            options = DevstackOptions.parse(Path.of(System.getProperty("hotline.home", ".")).toAbsolutePath()
                    .normalize(), args);
        } catch (IllegalArgumentException e) {
            log.error(e.getMessage());
            System.exit(2);
            return;
        }
        Instant began = Instant.now();
        Devstack stack;
        try {
            stack = start(options);
        } catch (RuntimeException e) {
            log.error("The dev stack did not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the dev stack ...");
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        log.info(stack.banner(Duration.between(began, Instant.now())));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void boot() {
        prepareDataDir();
        City city = options.cityDir() == null ? City.sample() : City.fromFolder(options.cityDir());
        log.info("{}: {} districts, {} grids, {} units, {} categories", city.name(), city.districts().size(),
                city.grids().size(), city.units().size(), city.categories().size());
        kafka = track(EmbeddedKafka.start(options.kafkaPort(), options.dataDir()));
        kafka.createTopics(Topics.ALL, PARTITIONS);
        log.info("Kafka broker (KRaft) ready on {}", kafka.bootstrapServers());
        if (options.mongoUri() == null) {
            mongo = track(EmbeddedMongo.persistent(options.mongoPort(), options.dataDir().resolve(
                    "mongo/hotline.mv")));
            log.info("MongoDB wire server ready on 127.0.0.1:{}", mongo.port());
        } else {
            log.info("Services will use the MongoDB at {}", DevstackOptions.withoutPassword(options.mongoUri()));
        }
        LocalKeys keys = LocalKeys.inFolder(options.dataDir().resolve("keys"));
        identityPort = options.servicePorts().getOrDefault(IDENTITY, 0) == 0 ? FreePorts.pick()
                : options.servicePorts().get(IDENTITY);
        // the provider the pages sign in with and the tokens file's tokens share the key and the issuer
        issuer = "http://127.0.0.1:" + identityPort;
        people = DemoUsers.of(city);
        tokens = DemoUsers.tokens(keys.minter(issuer), city);
        Properties secrets = piiKeys();
        webhookSecret = secrets.getProperty("webhook-secret");
        open311ApiKey = secrets.getProperty("open311-api-key");
        demoPassword = secrets.getProperty("demo-password");
        tokensFile = writeTokens();
        if (options.startServices()) {
            startIdentity(keys);
            startServices(keys, secrets);
        }
    }

    /** The OpenID Connect provider the demo users sign in to the pages with. */
    private void startIdentity(LocalKeys keys) {
        Path users = writeUsers();
        List<String> args = new ArrayList<>(List.of("--hotline.identity.issuer=" + issuer,
                "--hotline.identity.key-file=" + keys.jwkFile(), "--hotline.identity.users-file=" + users,
                "--hotline.identity.page-origins=" + String.join(",", pageOrigins())));
        args.addAll(extraArguments.getOrDefault(IDENTITY, List.of()));
        Launch launch = new Launch(IDENTITY, jarIn(options.home().resolve("infra/dev/identity/target")), identityPort,
                Map.of("HOTLINE_IDENTITY_PASSWORD", demoPassword), args,
                options.dataDir().resolve("logs/" + IDENTITY + ".log"), IDENTITY_JVM);
        launches.put(IDENTITY, launch);
        ServiceProcess provider = track(launch.start());
        services.add(provider);
        log.info("Starting the identity provider on {} (log: {})", provider.url(), provider.log());
    }

    /** Where each service's pages are, as a browser reaches them: the provider lets them sign in. */
    private List<String> pageOrigins() {
        return DevstackOptions.SERVICES.stream().map(this::url).toList();
    }

    private void startServices(LocalKeys keys, Properties pii) {
        for (String name : DevstackOptions.SERVICES) {
            int port = options.servicePorts().get(name);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("MONGODB_URI", databaseUri(name));
            env.put("HOTLINE_PII_SEAL_KEY", pii.getProperty("seal-key"));
            env.put("HOTLINE_PII_HASH_KEY", pii.getProperty("hash-key"));
            env.put("HOTLINE_SMS_WEBHOOK_SECRET", pii.getProperty("webhook-secret"));
            env.put("HOTLINE_OPEN311_API_KEYS", pii.getProperty("open311-api-key"));
            if (options.cityDir() != null) {
                env.put("HOTLINE_CITY_DIR", options.cityDir().toString());
            }
            List<String> args = new ArrayList<>(List.of("--spring.security.oauth2.resourceserver.jwt.public-key-location="
                    + keys.publicKeyPem().toUri(), "--spring.security.oauth2.resourceserver.jwt.audiences="
                    + TokenMinter.AUDIENCE, "--hotline.security.issuer=" + issuer, "--hotline.pages.issuer=" + issuer,
                    "--hotline.pages.allowed-origins=" + String.join(",", pageOrigins())));
            for (String other : DevstackOptions.SERVICES) {
                args.add("--hotline.pages.services." + other + "=" + url(other));
            }
            if (name.equals("intake")) {
                // discovery gives this address, as a city's folder gives its public one
                args.add("--hotline.intake.open311.endpoint-url=" + url("intake") + "/open311/v2");
            }
            if (name.equals("notification")) {
                // the follow links in the texts lead to this stack's own look-up
                args.add("--hotline.notification.follow-links.base=" + url("intake"));
            }
            if (!options.quietHours()) {
                args.add("--hotline.notification.quiet-from=00:00");
                args.add("--hotline.notification.quiet-to=00:00");
            }
            args.addAll(extraArguments.getOrDefault(name, List.of()));
            Launch launch = new Launch(name, jarOf(name), port, env, args,
                    options.dataDir().resolve("logs/" + name + ".log"), options.jvm().flags());
            launches.put(name, launch);
            ServiceProcess service = launch.start();
            services.add(track(service));
            log.info("Starting {} on {} (log: {})", name, service.url(), service.log());
        }
        awaitHealthy(services);
    }

    public static final String IDENTITY = "identity";
    private static final List<String> IDENTITY_JVM = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /**
     * Starts one more instance of {@code service}, as the first was started but on port {@code port}, and waits until
     * it is healthy; kill and restart it by the name this returns ({@code routing#2}).
     */
    public String startAnother(String service, int port) {
        Launch first = launches.get(service);
        String name = service + "#" + (services.stream().filter(s -> s.name().startsWith(service)).count() + 1);
        Launch another = new Launch(name, first.jar(), port, first.env(), first.args(),
                first.log().resolveSibling(name.replace('#', '-') + ".log"), first.jvmFlags());
        launches.put(name, another);
        ServiceProcess started = track(another.start());
        services.add(started);
        awaitHealthy(List.of(started));
        return name;
    }

    /** The base URL of a running instance, by the name {@link #startAnother} gave it. */
    public String instanceUrl(String instance) {
        return running(instance).url();
    }

    /** Kills a service as a crash would: SIGKILL, no shutdown of any kind. */
    public void kill(String service) {
        running(service).kill();
    }

    /** Starts services that were killed or stopped again, as before, all at once, and waits until they are healthy. */
    public void restart(String... names) {
        List<ServiceProcess> starting = new ArrayList<>();
        for (String name : names) {
            ServiceProcess old = running(name);
            old.close();
            services.remove(old);
            started.remove(old);
            ServiceProcess fresh = track(launches.get(name).start());
            services.add(fresh);
            starting.add(fresh);
        }
        awaitHealthy(starting);
    }

    /** Stops the broker, as an outage would; its data stays. */
    public void stopBroker() {
        started.remove(kafka);
        kafka.close();
    }

    /** Starts the broker stopped by {@link #stopBroker()} again on the same port and data. */
    public void startBroker() {
        kafka = track(EmbeddedKafka.start(kafka.port(), options.dataDir()));
    }

    private ServiceProcess running(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + service));
    }

    /** How a service was started, so that it can be started again the same way. */
    private record Launch(String name, Path jar, int port, Map<String, String> env, List<String> args, Path log,
            List<String> jvmFlags) {

        ServiceProcess start() {
            return ServiceProcess.start(name, jar, port, env, args, log, jvmFlags);
        }
    }

    /**
     * Waits for {@code starting} to be healthy: {@link #READY_WITHIN} for each, since JVMs started together on a few
     * cores take about as long as started one after the other.
     */
    private void awaitHealthy(List<ServiceProcess> starting) {
        Duration limit = READY_WITHIN.multipliedBy(Math.max(1, starting.size()));
        Instant deadline = Instant.now().plus(limit);
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new IllegalStateException(service.name() + " exited while starting; the end of "
                            + service.log() + ":\n" + service.logTail(40));
                }
                if (service.healthy()) {
                    log.info("{} is healthy", service.name());
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not healthy within " + limit.toSeconds() + " s: "
                        + waiting.stream().map(ServiceProcess::name).toList());
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    /** The bearer tokens of the demo users, by user. */
    public Map<String, String> tokens() {
        return tokens;
    }

    public Path tokensFile() {
        return tokensFile;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The key Open311 clients of the dev stack submit requests with. */
    public String open311ApiKey() {
        return open311ApiKey;
    }

    /** The secret the SMS provider's webhooks are signed with. */
    public String webhookSecret() {
        return webhookSecret;
    }

    /** The port of the embedded wire server; there is none when the stack runs against another MongoDB. */
    public int mongoPort() {
        if (mongo == null) {
            throw new IllegalStateException("no embedded MongoDB: the stack runs against "
                    + DevstackOptions.withoutPassword(options.mongoUri()));
        }
        return mongo.port();
    }

    /** The connection string of a service's database. */
    private String databaseUri(String service) {
        return options.mongoUri() == null ? mongo.uri(service) : DevstackOptions.databaseUri(options.mongoUri(),
                service);
    }

    /** The base URL of a running service. */
    public String url(String service) {
        return "http://127.0.0.1:" + options.servicePorts().get(service);
    }

    String banner(Duration took) {
        StringBuilder out = new StringBuilder("\n\n12345 hotline hub dev stack is ready in ")
                .append(took.toSeconds()).append(" s\n\n");
        for (String name : DevstackOptions.SERVICES) {
            if (options.startServices()) {
                out.append(String.format("  %-13s %s%n", name, url(name)));
            }
        }
        out.append(String.format("  %-13s %s%n", "kafka", kafka.bootstrapServers()));
        out.append(String.format("  %-13s %s%n", "mongodb", options.mongoUri() == null
                ? "mongodb://127.0.0.1:" + mongo.port() : DevstackOptions.withoutPassword(options.mongoUri())));
        if (options.startServices()) {
            out.append("\nPages (sign in as a demo user below):\n");
            out.append(String.format("  %-22s %s/console%n", "operator console", url("intake")));
            out.append(String.format("  %-22s %s/grid%n", "grid worker (phone)", url("intake")));
            out.append(String.format("  %-22s %s/workbench%n", "unit workbench", url("routing")));
            out.append(String.format("  %-22s %s/desk%n", "supervisor desk", url("routing")));
            out.append(String.format("  %-22s %s/dashboard%n", "analysts' dashboard", url("analytics")));
            out.append(String.format("  %-22s %s%n", "identity provider", issuer));
        }
        out.append("\nDemo users, each with the password ").append(demoPassword).append(":\n  ");
        out.append(String.join(", ", people.stream().map(DemoUsers.Person::username).toList()));
        out.append("\nBearer tokens for scripts (valid ").append(DemoUsers.VALIDITY.toDays())
                .append(" days), by user: ").append(tokensFile).append("\n");
        out.append("\nSMS provider webhooks (/api/v1/sms/inbound, /receipts on notification) are signed with ")
                .append("X-Timestamp = Unix seconds, X-Signature = hex HMAC-SHA256 of the timestamp, a line feed and\n")
                .append("the body; the secret is smsWebhookSecret in the tokens file.\n")
                .append("Open311 GeoReport v2 clients: ").append(options.startServices() ? url("intake") : "intake")
                .append("/open311/v2/discovery.json, api_key ").append(open311ApiKey).append("\n");
        out.append("\nData lives in ").append(options.dataDir()).append(" (start with --reset to empty it).")
                .append("\nPress Ctrl-C to stop.\n");
        return out.toString();
    }

    @Override
    public void close() {
        // the services shut down gracefully in parallel before the broker and the database they use go away
        services.forEach(ServiceProcess::requestStop);
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        for (AutoCloseable closeable : reverse) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Could not stop {} cleanly", closeable, e);
            }
        }
        started.clear();
    }

    private <T extends AutoCloseable> T track(T closeable) {
        started.add(closeable);
        return closeable;
    }


    private Path jarOf(String service) {
        return jarOf(options.home(), service);
    }

    /** The executable jar of a service built in the checkout at {@code home}. */
    public static Path jarOf(Path home, String service) {
        return jarIn(home.resolve(service + "-service/target"));
    }

    private static Path jarIn(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + "; build first: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + "; build first: ./mvnw -DskipTests package", e);
        }
    }

    private void prepareDataDir() {
        Path dir = options.dataDir();
        try {
            if (options.reset() && Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                log.info("Emptied {}", dir);
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contact keys and the webhook secret of this data folder, made once so that sealed numbers stay readable
     * and signed webhooks stay valid across restarts.
     */
    private Properties piiKeys() {
        Path file = options.dataDir().resolve("keys/pii.properties");
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean made = false;
            for (String key : new String[] {"seal-key", "hash-key", "webhook-secret", "open311-api-key",
                    "demo-password"}) {
                if (!secrets.containsKey(key)) {
                    byte[] bytes = new byte[key.equals("demo-password") ? 6 : 32];
                    random.nextBytes(bytes);
                    // the Open311 key travels in form fields and people type the password: hex for both
                    secrets.setProperty(key, key.startsWith("open311") || key.equals("demo-password")
                            ? HexFormat.of().formatHex(bytes) : Base64.getEncoder().encodeToString(bytes));
                    made = true;
                }
            }
            if (made) {
                Files.createDirectories(file.getParent());
                try (var out = Files.newOutputStream(file)) {
                    secrets.store(out, "contact keys and webhook secret of the dev stack; keep them with the data");
                }
            }
            OwnerOnly.restrict(file.getParent());
            OwnerOnly.restrict(file);
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeTokens() {
        Path file = options.dataDir().resolve("tokens.json");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuedAt", Instant.now().toString());
        document.put("validForDays", DemoUsers.VALIDITY.toDays());
        document.put("issuer", issuer);
        document.put("demoPassword", demoPassword);
        document.put("tokens", tokens);
        document.put("smsWebhookSecret", webhookSecret);
        document.put("open311ApiKey", open311ApiKey);
        return writeJson(file, document);
    }

    /** The demo users for the identity provider: no secrets, the password is passed apart. */
    private Path writeUsers() {
        return writeJson(options.dataDir().resolve("keys/users.json"), Map.of("users", people.stream()
                .map(p -> new DirectoryEntry(p.username(), p.name(), p.roles(), p.unit(), p.grid())).toList()));
    }

    /** A user as the identity provider's users file lists one. */
    record DirectoryEntry(String username, String name, List<String> roles, String unit, String grid) {
    }

    private static Path writeJson(Path file, Object document) {
        try {
            Files.writeString(file, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(document));
            // the tokens file holds week-long tokens, the demo password and the webhook secret
            return OwnerOnly.restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address people sign in at; the issuer of every token of this stack. */
    public String issuer() {
        return issuer;
    }

    /** The password of every demo user. */
    public String demoPassword() {
        return demoPassword;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the services", e);
        }
    }
}
