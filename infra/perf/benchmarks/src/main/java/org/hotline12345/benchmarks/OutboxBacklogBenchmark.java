package org.hotline12345.benchmarks;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.RawBsonDocument;
import org.hotline12345.benchmarks.DatabaseBenchmark.ServerProcess;
import org.hotline12345.benchmarks.DatabaseBenchmark.Usage;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.CloudEventAttributes;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.Topics;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.indexes.IndexAutoConfiguration;
import org.hotline12345.platform.messaging.EventPublisher;
import org.hotline12345.platform.messaging.TransactionalPublisher;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.outbox.OutboxSweeper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * How fast the platform's outbox sweep drains a backlog that a broker outage left: intake's tickets, each with the
 * {@code TicketReceived} it could not publish still staged on it, are put in the collection while nothing publishes
 * (the broker "down"); then the real {@link OutboxSweeper} and {@link OutboxRelay}, built as
 * {@code OutboxAutoConfiguration} and {@code MessagingAutoConfiguration} build them with the platform's default
 * settings, run pass after pass until nothing waits. The database (the persistent wire server on a temporary file)
 * and the broker (one KRaft broker with the hub's topics) run each in a JVM of its own started as the dev stack
 * starts them, so that the CPU of the publishing service, the database and the broker is measured apart (from
 * {@code /proc}). Every event is then read back from the topic by a {@code read_committed} consumer and counted by
 * its CloudEvents id: none may be missing, and duplicates are reported. A smaller backlog is drained first as a
 * warm-up.
 *
 * <pre>
 * java -cp infra/perf/benchmarks/target/benchmarks.jar org.hotline12345.benchmarks.OutboxBacklogBenchmark
 *     [--events=100000] [--warmup-events=10000] [--database-jvm="..."] [--broker-jvm="..."]
 * </pre>
 */
public final class OutboxBacklogBenchmark {

    /** Documents a service writes with one {@code insertMany}, as the backlog piles up. */
    static final int INSERT_BATCH = 500;
    private static final String DATABASE = "intake";
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final Options options;
    private final Random random = new Random(12345);
    private final String description;
    private final List<String> table = new ArrayList<>();

    private OutboxBacklogBenchmark(Options options) {
        this.options = options;
        this.description = ("Streetlight out on the corner by the school gate since last night; residents say the "
                + "pavement is dark from the bus stop to the market and children walk there after evening class. ")
                .repeat(4).substring(0, 420);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        if (options == null) {
            OUT.println(Options.USAGE);
            return;
        }
        new OutboxBacklogBenchmark(options).run();
        // the Kafka and MongoDB clients leave non-daemon threads behind them
        System.exit(0);
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("hotline-outbox-benchmark");
        try (ServerProcess broker = ServerProcess.start(BrokerServer.class, dir.resolve("kafka"),
                        options.brokerJvm());
                ServerProcess database = ServerProcess.start(DatabaseServer.class, dir.resolve("mongo/hotline.mv"),
                        options.databaseJvm());
                Service service = new Service("127.0.0.1:" + broker.port(), database.uri())) {
            HotlineProperties.Outbox settings = service.properties.outbox();
            TicketReceived sample = event("sample", 0, Instant.now());
            BacklogTicket sampleTicket = ticket("sample", 0, Instant.now());
            OUT.printf(Locale.ROOT, "Sweep: %d documents claimed at once, grace %s, lease %s, interval %s (the "
                            + "platform's defaults)%nEvent: %s of %d bytes of JSON; ticket with it staged: %d bytes "
                            + "of BSON; %d indexes besides _id%nDatabase JVM: %s; broker JVM: %s%n",
                    claimedAtOnce(), settings.grace(), settings.lease(), settings.sweepInterval(), sample.type(),
                    EventCodec.writeString(sample).getBytes(StandardCharsets.UTF_8).length,
                    bsonSize(service.mongo, sampleTicket), Service.INDEXES.size(), describe(options.databaseJvm()),
                    describe(options.brokerJvm()));
            service.prepare();
            if (options.warmupEvents() > 0) {
                drain("warm-up", options.warmupEvents(), service, database, broker);
            }
            drain("backlog", options.events(), service, database, broker);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        OUT.println();
        OUT.println("| backlog | events | passes | drain s | events/s | records read back | missing | duplicates "
                + "| service CPU ms per 1,000 (GC) | database CPU ms per 1,000 (GC) | broker CPU ms per 1,000 (GC) "
                + "| cores used: service + database + broker |");
        OUT.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(OUT::println);
    }

    /** Puts a backlog of {@code events} in place, drains it with the sweep, and reads it back from the topic. */
    private void drain(String name, int events, Service service, ServerProcess database, ServerProcess broker) {
        String round = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        OUT.printf(Locale.ROOT, "%n%s: storing %,d tickets with their event staged ...%n", name, events);
        Set<String> eventIds = new HashSet<>(events * 2);
        // staged during an outage that began an hour ago: every event is older than the grace period
        Instant outage = Instant.now().minus(Duration.ofHours(1));
        long began = System.nanoTime();
        List<BacklogTicket> batch = new ArrayList<>(INSERT_BATCH);
        for (int i = 0; i < events; i++) {
            BacklogTicket ticket = ticket(round, i, outage.plusMillis(i));
            eventIds.add(ticket.getOutbox().get(0).eventId());
            batch.add(ticket);
            if (batch.size() == INSERT_BATCH || i == events - 1) {
                service.mongo.insert(batch, BacklogTicket.class).then().block(Duration.ofMinutes(1));
                batch = new ArrayList<>(INSERT_BATCH);
            }
        }
        double storing = (System.nanoTime() - began) / 1e9;
        OUT.printf(Locale.ROOT, "%s: stored in %.1f s (%,.0f documents/s); waiting for the servers to settle ...%n",
                name, storing, events / storing);
        database.awaitIdle();
        broker.awaitIdle();

        long self = ProcessHandle.current().pid();
        Usage serviceBefore = ServerProcess.usageOf(self);
        Usage databaseBefore = database.usage();
        Usage brokerBefore = broker.usage();
        long start = System.nanoTime();
        int passes = 0;
        long flushed = 0;
        long waiting = Long.MAX_VALUE;
        int idlePasses = 0;
        while (waiting > 0) {
            long passStart = System.nanoTime();
            long swept = service.sweeper.runOnce().block(Duration.ofMinutes(30));
            passes++;
            flushed += swept;
            waiting = (long) service.meters.get("hotline.outbox.backlog").gauge().value();
            OUT.printf(Locale.ROOT, "%s: pass %d published %,d documents' events in %.1f s; %,d still wait%n", name,
                    passes, swept, (System.nanoTime() - passStart) / 1e9, waiting);
            if (swept == 0 && waiting > 0) {
                // what waits is leased by a claim whose publishing failed; its lease has to run out first
                if (++idlePasses > 60) {
                    throw new IllegalStateException(waiting + " documents still wait after a minute of passes "
                            + "that published nothing");
                }
                sleep(Duration.ofSeconds(1));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Usage serviceUsed = ServerProcess.usageOf(self).minus(serviceBefore);
        Usage databaseUsed = database.usage().minus(databaseBefore);
        Usage brokerUsed = broker.usage().minus(brokerBefore);

        OUT.printf(Locale.ROOT, "%s: drained %,d events in %.1f s: %,.0f events/s; reading them back ...%n", name,
                events, seconds, events / seconds);
        ReadBack read = readBack(service.bootstrap, eventIds);
        if (read.missing() > 0) {
            OUT.printf(Locale.ROOT, "%s: %,d EVENTS MISSING from the topic%n", name, read.missing());
        }
        table.add(String.format(Locale.ROOT, "| %s | %,d | %d | %.1f | %,.0f | %,d | %,d | %,d | %s | %s | %s "
                        + "| %.2f + %.2f + %.2f |", name, events, passes, seconds, events / seconds, read.records(),
                read.missing(), read.duplicates(), perThousand(serviceUsed, events), perThousand(databaseUsed, events),
                perThousand(brokerUsed, events), serviceUsed.cpuNanos() / 1e9 / seconds,
                databaseUsed.cpuNanos() / 1e9 / seconds, brokerUsed.cpuNanos() / 1e9 / seconds));
        OUT.println(table.get(table.size() - 1));
        if (flushed < events) {
            OUT.printf(Locale.ROOT, "%s: the passes reported %,d documents published of %,d%n", name, flushed,
                    events);
        }
    }

    private static String perThousand(Usage used, int events) {
        return String.format(Locale.ROOT, "%.0f (%.0f %%)", used.cpuNanos() / 1e6 / events * 1000,
                100.0 * used.gcNanos() / Math.max(1, used.cpuNanos()));
    }

    /** What the topic holds of the round's events, read to its end by a consumer that sees committed records only. */
    record ReadBack(long records, long missing, long duplicates) {
    }

    private static ReadBack readBack(String bootstrap, Set<String> eventIds) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        Map<String, Integer> seen = new HashMap<>(eventIds.size() * 2);
        long records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(configs, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INTAKE_TICKETS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // under read_committed the end offsets are the last stable ones: every committed transaction is before
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the topic to its end in 5 minutes");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader(CloudEventAttributes.ID);
                    String eventId = id == null ? null : new String(id.value(), StandardCharsets.UTF_8);
                    if (eventId != null && eventIds.contains(eventId)) {
                        records++;
                        seen.merge(eventId, 1, Integer::sum);
                    }
                }
            }
        }
        long duplicates = seen.values().stream().mapToLong(count -> count - 1L).sum();
        return new ReadBack(records, eventIds.size() - seen.size(), duplicates);
    }

    /** A ticket as intake stores it while it cannot publish: its {@code TicketReceived} staged on it. */
    private BacklogTicket ticket(String round, int n, Instant receivedAt) {
        BacklogTicket ticket = new BacklogTicket();
        ticket.id = round + "-" + n;
        ticket.ticketNumber = String.format(Locale.ROOT, "12345-%s-%09d", round, n);
        ticket.status = "RECEIVED";
        ticket.channel = Channel.PHONE.name();
        ticket.category = "category-" + random.nextInt(30);
        ticket.urgency = Urgency.NORMAL.name();
        ticket.description = description;
        TicketReceived event = event(ticket.id, n, receivedAt);
        ticket.sealedPhone = event.citizen().sealedPhone();
        ticket.phoneHash = event.citizen().phoneHash();
        ticket.maskedPhone = event.citizen().maskedPhone();
        ticket.sealedName = event.citizen().sealedName();
        ticket.address = event.address().text();
        ticket.lat = event.location().lat();
        ticket.lon = event.location().lon();
        ticket.gridId = "G-" + random.nextInt(200);
        ticket.published = false;
        ticket.receivedAt = receivedAt;
        ticket.updatedAt = receivedAt;
        ticket.version = 0L;
        ticket.stage(event);
        return ticket;
    }

    private TicketReceived event(String ticketId, int n, Instant occurredAt) {
        byte[] phone = new byte[39];
        byte[] name = new byte[30];
        byte[] hash = new byte[32];
        random.nextBytes(phone);
        random.nextBytes(name);
        random.nextBytes(hash);
        String district = "D-" + random.nextInt(10);
        return new TicketReceived(EventIds.of(ticketId, "TicketReceived", 0), occurredAt, ticketId,
                String.format(Locale.ROOT, "12345-%09d", n), Channel.PHONE, "category-" + random.nextInt(30),
                Urgency.NORMAL, description,
                new GeoPoint(26.6 + random.nextDouble() / 10, 106.6 + random.nextDouble() / 10),
                new Address("No. " + random.nextInt(400) + " Zhonghua North Road, next to the school gate", district,
                        "Zhonghua North Road"),
                new CitizenContact("v1:" + Base64.getEncoder().encodeToString(phone), HexFormat.of().formatHex(hash),
                        "138****" + String.format(Locale.ROOT, "%04d", random.nextInt(10_000)),
                        "v1:" + Base64.getEncoder().encodeToString(name), "zh", true),
                false, null, null, null);
    }

    private static int bsonSize(ReactiveMongoTemplate mongo, BacklogTicket ticket) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(ticket, document);
        return new RawBsonDocument(document, MongoClientSettings.getDefaultCodecRegistry()
                .get(org.bson.Document.class)).getByteBuffer().remaining();
    }

    /** {@code OutboxSweeper.CLAIMED_AT_ONCE}, which is the platform's own and not public. */
    private static int claimedAtOnce() {
        try {
            var field = OutboxSweeper.class.getDeclaredField("CLAIMED_AT_ONCE");
            field.setAccessible(true);
            return field.getInt(null);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static String describe(List<String> jvm) {
        return jvm.isEmpty() ? "(no options)" : String.join(" ", jvm);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The publishing side of a service: its MongoDB template, and the relay and sweep built from the platform's
     * settings with their defaults, as the platform's auto-configurations build them.
     */
    static final class Service implements AutoCloseable {

        /** Intake's indexes on its tickets, and the outbox's own, as the platform adds it for an outbox type. */
        static final List<Index> INDEXES = List.of(
                new Index().on("ticketNumber", Direction.ASC).unique().named("ticket_number"),
                new Index().on("published", Direction.ASC).on("receivedAt", Direction.DESC)
                        .named("published_received_at"),
                new Index().on("published", Direction.ASC).on("category", Direction.ASC)
                        .on("receivedAt", Direction.DESC).named("published_category_received_at"),
                new Index().on("phoneHash", Direction.ASC).on("status", Direction.ASC)
                        .on("updatedAt", Direction.DESC).named("phone_settled"),
                new Index().on(OutboxDocument.OUTBOX_SINCE, Direction.ASC).sparse()
                        .named(IndexAutoConfiguration.OUTBOX_INDEX));

        final String bootstrap;
        final HotlineProperties properties;
        final MongoClient client;
        final ReactiveMongoTemplate mongo;
        final MeterRegistry meters = new SimpleMeterRegistry();
        final DefaultKafkaProducerFactory<String, byte[]> producers;
        final TransactionalPublisher transactions;
        final OutboxRelay relay;
        final OutboxSweeper sweeper;

        Service(String bootstrap, String mongoUri) {
            this.bootstrap = bootstrap;
            // the platform's settings as a service binds them, every one at its default
            this.properties = new Binder(new MapConfigurationPropertySource(Map.of("hotline.source",
                    "/hotline/intake"))).bindOrCreate("hotline", HotlineProperties.class);
            this.client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(mongoUri))
                    .timeout(properties.mongo().operationTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .build());
            this.mongo = new ReactiveMongoTemplate(client, DATABASE);
            this.producers = new DefaultKafkaProducerFactory<>(producerConfigs());
            Map<String, Object> transactional = new HashMap<>(producerConfigs());
            transactional.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                    (int) properties.kafka().transactionTimeout().toMillis());
            DefaultKafkaProducerFactory<String, byte[]> transactionalProducers =
                    new DefaultKafkaProducerFactory<>(transactional);
            transactionalProducers.setTransactionIdPrefix("hotline-intake-" + UUID.randomUUID() + "-");
            this.transactions = new TransactionalPublisher(transactionalProducers,
                    new EventPublisher(new KafkaTemplate<>(producers), properties.source()));
            this.relay = new OutboxRelay(mongo, transactions);
            this.sweeper = new OutboxSweeper(mongo, relay, List.of(BacklogTicket.class), properties.outbox(),
                    Clock.systemUTC(), meters);
        }

        /**
         * The producer settings every service has: the platform's defaults file, then the bounds
         * {@code MessagingAutoConfiguration} sets from the typed settings.
         */
        private Map<String, Object> producerConfigs() {
            HotlineProperties.Kafka kafka = properties.kafka();
            Map<String, Object> configs = new HashMap<>();
            configs.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            configs.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            configs.put(ProducerConfig.ACKS_CONFIG, "all");
            configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            configs.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) kafka.deliveryTimeout().toMillis());
            configs.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis());
            configs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlock().toMillis());
            return configs;
        }

        /**
         * Creates the collection's indexes and asks one query of each, so that the server has built them before the
         * backlog is stored, as a running service's queries (the sweep's count every few seconds among them) have.
         */
        void prepare() {
            INDEXES.forEach(index -> mongo.indexOps(BacklogTicket.class).createIndex(index).block());
            for (String key : List.of("ticketNumber", "published", "phoneHash")) {
                mongo.count(Query.query(Criteria.where(key).is("none")), BacklogTicket.class).block();
            }
            mongo.count(Query.query(Criteria.where(OutboxDocument.OUTBOX_SINCE).gte(Instant.EPOCH)),
                    BacklogTicket.class).block();
        }

        @Override
        public void close() throws Exception {
            relay.destroy();
            transactions.destroy();
            producers.destroy();
            client.close();
        }
    }

    /** A ticket of intake's, as far as its stored shape goes. */
    @Document("tickets")
    public static class BacklogTicket extends OutboxDocument {

        @Id
        String id;
        String ticketNumber;
        String status;
        String channel;
        String category;
        String urgency;
        String description;
        String sealedPhone;
        String phoneHash;
        String maskedPhone;
        String sealedName;
        String address;
        Double lat;
        Double lon;
        String gridId;
        boolean published;
        Instant receivedAt;
        Instant updatedAt;
        Long version;
    }

    /** The command line. */
    record Options(int events, int warmupEvents, List<String> databaseJvm, List<String> brokerJvm) {

        static final String USAGE = """
                usage: java -cp infra/perf/benchmarks/target/benchmarks.jar org.hotline12345.benchmarks.OutboxBacklogBenchmark
                           [--events=N] [--warmup-events=N] [--database-jvm="OPTIONS"] [--broker-jvm="OPTIONS"]
                  --events         events in the measured backlog, one a ticket (100000)
                  --warmup-events  events in the backlog drained first, not measured (10000; 0 for none)
                  --database-jvm   the database process's JVM options; none by default, as ./devstack starts its JVM
                  --broker-jvm     the broker process's JVM options; none by default""";

        static Options parse(String... args) {
            int events = 100_000;
            int warmup = 10_000;
            List<String> database = List.of();
            List<String> broker = List.of();
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                    case "--events" -> events = Integer.parseInt(value);
                    case "--warmup-events" -> warmup = Integer.parseInt(value);
                    case "--database-jvm" -> database = options(value);
                    case "--broker-jvm" -> broker = options(value);
                    case "--help" -> {
                        return null;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            }
            return new Options(events, warmup, database, broker);
        }

        private static List<String> options(String value) {
            return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        }
    }
}
