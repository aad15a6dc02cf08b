package org.hotline12345.loadtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end capacity as a checker outside the hub measures it: clients post calls to intake closed loop (each its
 * next call as soon as the last one is answered) for a while, then the hub's consumer groups are polled until they
 * have read everything. Tickets a second end to end are the calls accepted over the time from the first post to lag
 * zero; CPU per ticket is each process's CPU over that time less its idle rate.
 *
 * <p>Every call comes from a number of its own at a place of its own (see {@link Calls#distinctCallers}), so none
 * is a repeat or joins another's incident whatever the rate or the number of runs: the mix is the same in every
 * run. The complaints are drawn from a seed taken from the clock.
 */
final class Burst {

    static final Duration POLL = Duration.ofMillis(250);
    /** How long the offsets must stay as they are before they count as the end, and a standing lag is read. */
    static final Duration SETTLE = Duration.ofSeconds(1);
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(15);
    static final Duration QUIET_LIMIT = Duration.ofMinutes(5);
    static final Duration PAUSE = Duration.ofSeconds(10);
    static final int RECORD_BYTES = 1_200;
    static final Duration CEILING_HELD = Duration.ofSeconds(20);
    static final int RECORDS_PER_TRANSACTION = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration AFTER_REFUSAL = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(Burst.class);

    private final LoadOptions options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI calls;
    private final String bearer;
    private final Calls generator;
    private final Processes processes;
    private final ConsumerLag lag;

    private Burst(LoadOptions options, String operatorToken, Calls generator, Processes processes,
            ConsumerLag lag) {
        this.options = options;
        this.calls = URI.create(options.intake() + "/api/v1/calls");
        this.bearer = "Bearer " + operatorToken;
        this.generator = generator;
        this.processes = processes;
        this.lag = lag;
    }

    /** One burst's figures; times are null when the groups did not drain within {@link #DRAIN_LIMIT}. */
    record Run(int number, int clients, Duration posting, long accepted, long linked, Map<String, Long> failures,
            Histogram latency, Duration toLagZero, Duration drain, long peakLag, Map<String, Long> lagLeft,
            Map<String, Double> cpuMillis) {

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Calls accepted a second while the clients posted. */
        double acceptedPerSecond() {
            return accepted * 1e9 / posting.toNanos();
        }

        boolean drained() {
            return toLagZero != null;
        }

        /** Tickets a second from the first post until the consumers had read everything. */
        double endToEndPerSecond() {
            return drained() ? accepted * 1e9 / toLagZero.toNanos() : Double.NaN;
        }
    }

    /** Preloads if asked, measures the idle baseline, runs the bursts and the producer ceilings: the report. */
    static String measure(LoadOptions options, String operatorToken, String adminToken, String command)
            throws Exception {
        Calls calls = Calls.fixedMix();
        Processes processes = new Processes(options.servicePorts(), adminToken);
        if (options.preload() > 0) {
            try (MongoClient mongo = MongoClients.create(options.mongo())) {
                LoadTest.preload(options, mongo, operatorToken, calls);
            }
        }
        List<Run> runs = new ArrayList<>();
        Map<String, Double> idle;
        try (ConsumerLag lag = new ConsumerLag(options.bootstrap())) {
            Burst burst = new Burst(options, operatorToken, calls, processes, lag);
            burst.warmUp();
            burst.awaitQuiet();
            idle = IdleBaseline.settled(processes);
            for (int number = 1; number <= options.runs(); number++) {
                if (number > 1) {
                    OpenLoop.pause(PAUSE);
                }
                Run run = burst.once(number, idle);
                runs.add(run);
                log.info("{}", Report.line(run));
            }
        }
        log.info("Measuring the raw Kafka producer ceiling, plain and transactional ...");
        double plain = ProducerCeiling.recordsPerSecond(options.bootstrap(), RECORD_BYTES, CEILING_HELD);
        double transactional = ProducerCeiling.transactionalRecordsPerSecond(options.bootstrap(), RECORD_BYTES,
                CEILING_HELD, RECORDS_PER_TRANSACTION);
        return Report.bursts(options, command, idle, runs, plain, transactional, Instant.now());
    }

    /**
     * Posts closed loop for the warm-up, reported nowhere: on two cores the services' JIT compilers work for minutes
     * under load, and a burst measured meanwhile counts their work as the tickets' (BENCHMARKS.md, "Warmed up").
     */
    private void warmUp() throws Exception {
        if (options.warmup().isZero()) {
            return;
        }
        log.info("Warming up: {} clients posting calls for {} s, not measured ...", options.clients(),
                options.warmup().toSeconds());
        Tally tally = post(System.nanoTime() + options.warmup().toNanos());
        log.info("Warm-up: {} calls accepted, {} refused", tally.accepted, tally.failed());
    }

    /** Waits for the groups to have read what came before, so that neither the baseline nor a burst carries it. */
    private void awaitQuiet() throws Exception {
        Map<String, Set<TopicPartition>> groups = watchedGroups();
        log.info("Waiting for the consumer groups {} to have read everything ...", groups.keySet());
        Watched quiet = watch(groups, new Drain(SETTLE.toNanos()), Map.of(), () -> true, QUIET_LIMIT);
        if (quiet.drainedSince().isEmpty()) {
            throw new IllegalStateException("the consumer groups still had records to read after "
                    + QUIET_LIMIT.toMinutes() + " min: " + quiet.lagLeft());
        }
    }

    private Run once(int number, Map<String, Double> idle) throws Exception {
        Map<String, Set<TopicPartition>> groups = watchedGroups();
        Map<String, List<Path>> procs = processes.find();
        log.info("Run {}: {} clients posting calls for {} s ...", number, options.clients(),
                options.burst().toSeconds());
        Drain drain = new Drain(SETTLE.toNanos());
        AtomicBoolean answered = new AtomicBoolean();
        Map<String, Double> cpuStart = Processes.cpuSecondsWithOwn(procs);
        long start = System.nanoTime();
        ExecutorService watcher = Executors.newSingleThreadExecutor(daemon("burst-lag"));
        Future<Watched> watched = watcher.submit(() -> watch(groups, drain, procs, answered::get, DRAIN_LIMIT));
        Tally tally;
        Processes.signal(procs, options.held(), "STOP");
        try {
            tally = post(start + options.burst().toNanos());
        } finally {
            // let go before anything else: held, they would never read what was posted
            Processes.signal(procs, options.held(), "CONT");
        }
        long lastAnswer = System.nanoTime();
        answered.set(true);
        log.info("Run {}: {} calls accepted in {} s; waiting for the consumers to read everything ...", number,
                tally.accepted, seconds(lastAnswer - start));
        Watched end = watched.get();
        watcher.shutdown();
        Duration over = Duration.ofNanos(end.cpuReadAt() - start);
        Map<String, Double> cpuMillis = CpuPerTicket.millis(cpuStart, end.cpu(), idle, over, tally.accepted);
        OptionalLong zero = end.drainedSince();
        return new Run(number, options.clients(), Duration.ofNanos(lastAnswer - start), tally.accepted,
                tally.linked, tally.failures, tally.latency,
                zero.isPresent() ? Duration.ofNanos(zero.getAsLong() - start) : null,
                zero.isPresent() ? Duration.ofNanos(Math.max(0, zero.getAsLong() - lastAnswer)) : null,
                drain.peakLag(), end.lagLeft(), cpuMillis);
    }

    /** What the clients got. */
    private static final class Tally {
        final Histogram latency = new Histogram(3);
        final Map<String, Long> failures = new TreeMap<>();
        long accepted;
        long linked;

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        void add(Tally other) {
            latency.add(other.latency);
            other.failures.forEach((what, count) -> failures.merge(what, count, Long::sum));
            accepted += other.accepted;
            linked += other.linked;
        }
    }

    /** The clients post until {@code end} ({@link System#nanoTime()}); returns once every call was answered. */
    private Tally post(long end) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(options.clients(), daemon("burst-client"));
        List<Future<Tally>> tallies = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            tallies.add(clients.submit(() -> client(end)));
        }
        Tally all = new Tally();
        for (Future<Tally> tally : tallies) {
            all.add(tally.get());
        }
        clients.shutdown();
        return all;
    }

    private Tally client(long end) {
        Tally tally = new Tally();
        while (System.nanoTime() < end) {
            HttpRequest request = HttpRequest.newBuilder(calls).timeout(TIMEOUT)
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(generator.next())).build();
            long sent = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                tally.latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                if (answer.statusCode() == 202) {
                    tally.accepted++;
                    if (OpenLoop.field(answer.body(), "repeatOf") != null
                            || OpenLoop.field(answer.body(), "parentIncidentId") != null) {
                        tally.linked++;
                    }
                } else {
                    tally.failures.merge(Integer.toString(answer.statusCode()), 1L, Long::sum);
                }
            } catch (IOException e) {
                tally.latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                tally.failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                // a refused connection fails at once; posting again at once would only take CPU from the hub
                OpenLoop.pause(AFTER_REFUSAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return tally;
    }

    /** How a watch ended: when the groups were first seen drained (if they were), with CPU read then. */
    private record Watched(OptionalLong drainedSince, Map<String, Double> cpu, long cpuReadAt,
            Map<String, Long> lagLeft) {
    }

    /**
     * Polls the groups' offsets every {@link #POLL} into {@code drain}, reading the CPU of {@code procs} whenever
     * they change, until the groups have drained after {@code answered} holds, or {@code limit} after it does.
     */
    private Watched watch(Map<String, Set<TopicPartition>> groups, Drain drain, Map<String, List<Path>> procs,
            BooleanSupplier answered, Duration limit) {
        Map<String, Double> cpuAtState = Processes.cpuSecondsWithOwn(procs);
        long cpuAtStateReadAt = System.nanoTime();
        long deadline = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (deadline == Long.MAX_VALUE && answered.getAsBoolean()) {
                drain.answered();
                deadline = now + limit.toNanos();
            }
            try {
                if (drain.observe(now, lag.offsets(groups))) {
                    cpuAtState = Processes.cpuSecondsWithOwn(procs);
                    cpuAtStateReadAt = System.nanoTime();
                }
                drain.toRead(now).forEach((partition, offsets) -> drain.read(partition, offsets,
                        lag.holdsRecords(partition, offsets)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Watched(OptionalLong.empty(), Processes.cpuSecondsWithOwn(procs), System.nanoTime(),
                        drain.lagByGroup());
            } catch (Exception e) {
                log.warn("Could not read the consumer groups' offsets: {}", e.toString());
            }
            OptionalLong since = drain.drainedSince(now);
            if (since.isPresent()) {
                return new Watched(since, cpuAtState, cpuAtStateReadAt, drain.lagByGroup());
            }
            if (now > deadline) {
                log.warn("The consumer groups had not read everything {} min after the last answer: {}",
                        limit.toMinutes(), drain.lagByGroup());
                return new Watched(OptionalLong.empty(), Processes.cpuSecondsWithOwn(procs), System.nanoTime(),
                        drain.lagByGroup());
            }
            OpenLoop.pause(Duration.ofNanos(Math.max(0, now + POLL.toNanos() - System.nanoTime())));
        }
    }

    private Map<String, Set<TopicPartition>> watchedGroups() throws Exception {
        Map<String, Set<TopicPartition>> groups = lag.groups();
        ConsumerLag.HUB_GROUPS.stream().filter(group -> !groups.containsKey(group))
                .forEach(group -> log.warn("The broker has no consumer group {}; is its service up?", group));
        return groups;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String seconds(long nanos) {
        return "%.1f".formatted(nanos / 1e9);
    }
}
