package org.hotline12345.benchmarks;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.Document;
import org.hotline12345.embedded.FreePorts;

/**
 * The dev stack's database measured from a MongoDB client (the sync Java driver, one connection): the persistent
 * wire server started on a temporary file exactly as {@code ./devstack} starts it, in a JVM of its own started as
 * the dev stack's is (no options), on a collection of 1 KB tickets with ten indexes. After a warm-up it measures single
 * inserts, {@code insertMany} of 500, {@code bulkWrite} of 500 updates by {@code _id} (a {@code $set} of two
 * fields and a {@code $push} to an array) and finds of 500 by {@code _id $in}, first on an empty collection, then
 * again once {@code --stored} documents are stored; for each, documents a second and the server process's CPU per
 * 1,000 documents (from {@code /proc}, with the garbage collector's threads apart). Last it stops the server
 * cleanly, starts it again on the same file and times the first answers.
 *
 * <pre>
 * java -cp infra/perf/benchmarks/target/benchmarks.jar org.hotline12345.benchmarks.DatabaseBenchmark [--stored=100000]
 *     [--docs=25000] [--warmup=30] [--server-jvm="-Xmx2g ..."]
 * </pre>
 */
public final class DatabaseBenchmark {

    static final int BATCH = 500;
    private static final List<String> STATUSES = List.of("RECEIVED", "ASSIGNED", "ACCEPTED", "IN_PROGRESS",
            "RESOLVED", "CLOSED");
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final Options options;
    private final Random random = new Random(12345);
    private final List<String> ids = new ArrayList<>();
    private final String description;
    private final List<String> table = new ArrayList<>();
    private int sequence;

    private DatabaseBenchmark(Options options) {
        this.options = options;
        this.description = "Streetlight out on the corner by the school gate since last night; residents say the "
                .repeat(6).substring(0, 480);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        if (options == null) {
            OUT.println(Options.USAGE);
            return;
        }
        new DatabaseBenchmark(options).run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("hotline-database-benchmark");
        Path file = dir.resolve("mongo/hotline.mv");
        try {
            OUT.printf(Locale.ROOT, "Server JVM options: %s%nDocument: %d bytes of BSON, %d indexes besides _id%n",
                    options.serverJvm().isEmpty() ? "(none)" : String.join(" ", options.serverJvm()),
                    new RawBsonDocument(ticket(), MongoClientSettings.getDefaultCodecRegistry().get(Document.class))
                            .getByteBuffer().remaining(), INDEXES.size());
            try (ServerProcess server = ServerProcess.start(file, options.serverJvm());
                    MongoClient client = MongoClients.create(server.uri())) {
                warmUp(client.getDatabase("warmup"), server);
                MongoCollection<Document> tickets = prepared(client.getDatabase("bench").getCollection("tickets"));
                measureAll("empty", tickets, server);
                preload(tickets, server);
                measureAll(String.format(Locale.ROOT, "%,d stored", options.stored()), tickets, server);
            }
            restart(file);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        OUT.println();
        OUT.println("| store | operation | documents | documents/s | server CPU ms per 1,000 | of it GC "
                + "| live heap after |");
        OUT.println("|---|---|---|---|---|---|---|");
        table.forEach(OUT::println);
    }

    /** The ten indexes: one unique, the rest as routing's tickets have them, leading keys equal to many tickets. */
    static final List<Bson> INDEXES = List.of(
            Indexes.ascending("number"),
            Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("dueAt")),
            Indexes.compoundIndex(Indexes.ascending("unit"), Indexes.ascending("status")),
            Indexes.compoundIndex(Indexes.ascending("category"), Indexes.ascending("day")),
            Indexes.compoundIndex(Indexes.ascending("grid"), Indexes.ascending("receivedAt")),
            Indexes.compoundIndex(Indexes.ascending("district"), Indexes.ascending("day")),
            Indexes.ascending("day"),
            Indexes.compoundIndex(Indexes.ascending("callerHash"), Indexes.ascending("receivedAt")),
            Indexes.ascending("updatedAt"),
            Indexes.ascending("dueAt"));

    private static MongoCollection<Document> prepared(MongoCollection<Document> collection) {
        for (int i = 0; i < INDEXES.size(); i++) {
            collection.createIndex(INDEXES.get(i), new IndexOptions().name("index" + i).unique(i == 0));
        }
        useIndexes(collection);
        return collection;
    }

    /** A query on each index's leading key, as the services make them, so that the server keeps every index. */
    private static void useIndexes(MongoCollection<Document> collection) {
        for (String key : List.of("number", "status", "unit", "category", "grid", "district", "day", "callerHash",
                "updatedAt", "dueAt")) {
            collection.find(Filters.eq(key, "none")).first();
        }
    }

    private void warmUp(MongoDatabase database, ServerProcess server) {
        OUT.printf(Locale.ROOT, "Warming up for %d s ...%n", options.warmup().toSeconds());
        MongoCollection<Document> collection = prepared(database.getCollection("tickets"));
        List<String> before = new ArrayList<>(ids);
        ids.clear();
        Instant until = Instant.now().plus(options.warmup());
        while (Instant.now().isBefore(until)) {
            for (int i = 0; i < 50; i++) {
                insertOne(collection);
            }
            insertMany(collection);
            updateMany(collection);
            findMany(collection);
        }
        database.drop();
        ids.clear();
        ids.addAll(before);
        server.awaitIdle();
    }

    private void measureAll(String store, MongoCollection<Document> tickets, ServerProcess server) {
        int docs = options.docs();
        measure(store, "insertOne", docs / 5, server, () -> insertOne(tickets));
        measure(store, "insertMany of 500", docs, server, () -> insertMany(tickets));
        measure(store, "bulkWrite of 500 updates by _id", docs, server, () -> updateMany(tickets));
        measure(store, "find of 500 by _id $in", docs * 2, server, () -> findMany(tickets));
    }

    private void measure(String store, String operation, int documents, ServerProcess server, LongSupplier step) {
        OUT.printf(Locale.ROOT, "%s: %s ...%n", store, operation);
        Usage before = server.usage();
        long began = System.nanoTime();
        long done = 0;
        while (done < documents) {
            done += step.getAsLong();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Usage used = server.usage().minus(before);
        long heap = server.liveHeap();
        table.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.1f | %.0f %% | %,d MiB |", store, operation,
                done, done / seconds, used.cpuNanos() / 1e6 / done * 1000, 100.0 * used.gcNanos()
                        / Math.max(1, used.cpuNanos()), heap >> 20));
        OUT.println(table.get(table.size() - 1));
    }

    private void preload(MongoCollection<Document> tickets, ServerProcess server) {
        int missing = options.stored() - ids.size();
        if (missing > 0) {
            measure("filling", String.format(Locale.ROOT, "insertMany of 500 up to %,d stored", options.stored()),
                    missing, server, () -> insertMany(tickets));
        }
    }

    private long insertOne(MongoCollection<Document> collection) {
        Document ticket = ticket();
        collection.insertOne(ticket);
        ids.add(ticket.getString("_id"));
        return 1;
    }

    private long insertMany(MongoCollection<Document> collection) {
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(ticket());
        }
        collection.insertMany(batch);
        batch.forEach(ticket -> ids.add(ticket.getString("_id")));
        return BATCH;
    }

    private long updateMany(MongoCollection<Document> collection) {
        Date now = new Date();
        List<UpdateOneModel<Document>> updates = new ArrayList<>(BATCH);
        for (String id : someIds()) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(
                    Updates.set("status", STATUSES.get(random.nextInt(STATUSES.size()))),
                    Updates.set("updatedAt", now),
                    Updates.push("history", new Document("at", now).append("action", "PROGRESS")
                            .append("by", "unit-" + random.nextInt(40))))));
        }
        long modified = collection.bulkWrite(updates).getModifiedCount();
        if (modified != updates.size()) {
            throw new IllegalStateException("updated " + modified + " of " + updates.size());
        }
        return modified;
    }

    private long findMany(MongoCollection<Document> collection) {
        Set<String> wanted = someIds();
        long found = collection.find(Filters.in("_id", wanted)).batchSize(BATCH).into(new ArrayList<>()).size();
        if (found != wanted.size()) {
            throw new IllegalStateException("found " + found + " of " + wanted.size());
        }
        return found;
    }

    private Set<String> someIds() {
        Set<String> some = new LinkedHashSet<>();
        while (some.size() < Math.min(BATCH, ids.size())) {
            some.add(ids.get(random.nextInt(ids.size())));
        }
        return some;
    }

    /** A ticket of about 1 KB of BSON, its indexed values spread as a city's are. */
    private Document ticket() {
        int n = sequence++;
        Instant received = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 37L % 31_536_000L);
        byte[] caller = new byte[16];
        random.nextBytes(caller);
        return new Document("_id", String.format(Locale.ROOT, "T-%08d-%04x", n, random.nextInt(0x10000)))
                .append("number", String.format(Locale.ROOT, "12345-%09d", n))
                .append("status", STATUSES.get(random.nextInt(STATUSES.size())))
                .append("unit", "unit-" + random.nextInt(40))
                .append("category", "category-" + random.nextInt(30))
                .append("grid", "G-" + random.nextInt(200))
                .append("district", "D-" + random.nextInt(10))
                .append("day", LocalDate.ofInstant(received, java.time.ZoneOffset.UTC).toString())
                .append("receivedAt", Date.from(received))
                .append("dueAt", Date.from(received.plus(Duration.ofHours(24 + random.nextInt(72)))))
                .append("updatedAt", Date.from(received))
                .append("callerHash", HexFormat.of().formatHex(caller))
                .append("version", 1L)
                .append("location", new Document("type", "Point").append("coordinates",
                        List.of(106.6 + random.nextDouble() / 10, 26.6 + random.nextDouble() / 10)))
                .append("description", description)
                .append("history", new ArrayList<>(List.of(new Document("at", Date.from(received))
                        .append("action", "RECEIVED").append("by", "intake"))));
    }

    /** Starts a second server on the file the first left at its clean shutdown and times its first answers. */
    private void restart(Path file) {
        OUT.println("Restarting on the same file ...");
        long began = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(file, options.serverJvm());
                MongoClient client = MongoClients.create(server.uri())) {
            double ready = (System.nanoTime() - began) / 1e9;
            MongoCollection<Document> tickets = client.getDatabase("bench").getCollection("tickets");
            long count = tickets.countDocuments();
            useIndexes(tickets);
            double answered = (System.nanoTime() - began) / 1e9;
            if (count != ids.size()) {
                throw new IllegalStateException("after a restart " + count + " documents of " + ids.size());
            }
            OUT.printf(Locale.ROOT, "%nRestart: %,d documents back; accepting connections after %.1f s, every "
                    + "index answering after %.1f s; live heap then %,d MiB%n", count, ready, answered,
                    server.liveHeap() >> 20);
        }
    }

    /** CPU used by a process so far, and of it by the garbage collector's threads. */
    record Usage(long cpuNanos, long gcNanos) {

        Usage minus(Usage other) {
            return new Usage(cpuNanos - other.cpuNanos, gcNanos - other.gcNanos);
        }
    }

    /** The server's JVM, talked to on its standard input and output. */
    static final class ServerProcess implements AutoCloseable {

        private static final long NANOS_PER_TICK = 10_000_000L;

        private final Process process;
        private final int port;
        private final BufferedReader output;
        private final PrintStream input;

        private ServerProcess(Process process, int port) {
            this.process = process;
            this.port = port;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static ServerProcess start(Path file, List<String> jvm) {
            return start(DatabaseServer.class, file, jvm);
        }

        /**
         * Starts the main of {@code program} with its data at {@code data} and a free port as its arguments; it
         * answers as {@link DatabaseServer} does.
         */
        static ServerProcess start(Class<?> program, Path data, List<String> jvm) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    System.getProperty("java.class.path"), program.getName()));
            int port = FreePorts.pick();
            command.addAll(List.of(data.toString(), String.valueOf(port)));
            try {
                Process process = new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                ServerProcess server = new ServerProcess(process, port);
                server.expect("ready");
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String uri() {
            return "mongodb://127.0.0.1:" + port;
        }

        int port() {
            return port;
        }

        /** Waits until the server has stopped working off what came before (a minute at most). */
        void awaitIdle() {
            Usage last = usage();
            for (int second = 0; second < 60; second++) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Usage now = usage();
                if (now.minus(last).cpuNanos() < 50_000_000L) {
                    return;
                }
                last = now;
            }
        }

        long liveHeap() {
            input.println("live");
            return Long.parseLong(expect("live").substring("live ".length()));
        }

        /** From {@code /proc}: the process's CPU, and that of the JVM's garbage collection threads. */
        Usage usage() {
            return usageOf(process.pid());
        }

        /** {@link #usage()} of any JVM process, this one's included. */
        static Usage usageOf(long pid) {
            Path tasks = Path.of("/proc", String.valueOf(pid), "task");
            long cpu = 0;
            long gc = 0;
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(thread.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime, the 14th and 15th fields of stat, the 12th and 13th after the name
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu += ticks;
                    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                        gc += ticks;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Usage(cpu * NANOS_PER_TICK, gc * NANOS_PER_TICK);
        }

        private String expect(String prefix) {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                throw new IllegalStateException("the server process stopped (exit " + process.waitFor() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            input.println("stop");
            expect("stopped");
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The command line. */
    record Options(int stored, int docs, Duration warmup, List<String> serverJvm) {

        static final String USAGE = """
                usage: java -cp infra/perf/benchmarks/target/benchmarks.jar org.hotline12345.benchmarks.DatabaseBenchmark
                           [--stored=N] [--docs=N] [--warmup=SECONDS] [--server-jvm="OPTIONS"]
                  --stored      documents stored before the second round (100000)
                  --docs        documents each bulk operation is measured over (25000); single inserts a fifth,
                                finds twice as many
                  --warmup      seconds of every operation on a collection of its own first (30)
                  --server-jvm  the database process's JVM options; none by default, as ./devstack starts its JVM""";

        static Options parse(String... args) {
            int stored = 100_000;
            int docs = 25_000;
            Duration warmup = Duration.ofSeconds(30);
            List<String> jvm = List.of();
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                    case "--stored" -> stored = Integer.parseInt(value);
                    case "--docs" -> docs = Integer.parseInt(value);
                    case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--server-jvm" -> jvm = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
                    case "--help" -> {
                        return null;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            }
            return new Options(stored, docs, warmup, jvm);
        }
    }
}
