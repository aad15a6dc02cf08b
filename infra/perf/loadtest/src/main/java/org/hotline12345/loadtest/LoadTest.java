package org.hotline12345.loadtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a running hub as a city would: optionally a year of history first, then operator calls at fixed arrival
 * rates, step by step, each step reporting accepted calls a second, HTTP latency and the time to assignment,
 * receipt text and count, with consumer lag, CPU and heap; then the raw Kafka producer ceiling of the same broker.
 * With {@code --burst}, closed-loop bursts measured end to end instead ({@link Burst}). The results are appended
 * to a Markdown report.
 */
public final class LoadTest {

    private static final Logger log = LoggerFactory.getLogger(LoadTest.class);

    /** A rate is sustained when nearly every call due was accepted and the 99th percentile stays under a second. */
    static final double SUSTAINED_SHARE = 0.99;
    static final long SUSTAINED_P99_MICROS = 1_000_000;

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            log.info("{}", LoadOptions.USAGE);
            return;
        }
        LoadOptions options = LoadOptions.parse(args);
        JsonNode tokens = JsonMapper.builder().build().readTree(Files.readString(options.tokens()));
        String operator = tokens.path("tokens").path("operator").asString();
        String admin = tokens.path("tokens").path("admin").asString();
        if (options.bursts()) {
            String report = Burst.measure(options, operator, admin, "./loadtest " + String.join(" ", args));
            log.info("{}", report);
            Files.writeString(options.report(), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        }
        Calls calls = Calls.fixedMix();
        OpenLoop load = new OpenLoop(options.intake(), operator, calls);
        Processes processes = new Processes(options.servicePorts(), admin);
        List<Row> rows = new ArrayList<>();
        Map<String, Double> idle;
        try (MongoClient mongo = MongoClients.create(options.mongo());
                Pipeline pipeline = new Pipeline(options.bootstrap(), mongo)) {
            if (options.preload() > 0) {
                preload(options, mongo, operator, calls);
            }
            log.info("Warming up at {} calls/s for {} s ...", options.rates().get(0), options.warmup().toSeconds());
            load.run(options.rates().get(0), options.warmup(), pipeline::accepted);
            pipeline.drain(Duration.ofSeconds(30));
            idle = IdleBaseline.settled(processes);
            for (int rate : options.rates()) {
                Map<String, List<Path>> procs = processes.find();
                Map<String, Double> cpuBefore = Processes.cpuSecondsWithOwn(procs);
                long start = System.nanoTime();
                OpenLoop.Step step = load.run(rate, options.step(), pipeline::accepted);
                Map<String, Long> lag = pipeline.lag();
                Pipeline.Figures figures = pipeline.drain(Duration.ofSeconds(30));
                // CPU up to the end of the drain: the pipeline's work on the step's last calls is theirs
                Map<String, Double> cpu = CpuPerTicket.millis(cpuBefore, Processes.cpuSecondsWithOwn(procs), idle,
                        Duration.ofNanos(System.nanoTime() - start), step.accepted());
                Row row = new Row(step, figures, lag, cpu, processes.heapMiB());
                rows.add(row);
                log.info("{}", Report.line(row));
                if (!row.sustained()) {
                    log.info("Not sustained at {} calls/s; stopping here.", rate);
                    break;
                }
                OpenLoop.pause(Duration.ofSeconds(5));
            }
        }
        log.info("Timing the analysts' questions over 92 days ...");
        Map<String, org.HdrHistogram.Histogram> questions = new AnalyticsQueries(options.servicePorts().get(3),
                tokens.path("tokens").path("analyst").asString()).time(20);
        log.info("Measuring the raw Kafka producer ceiling ...");
        int recordBytes = 1_200;
        double ceiling = ProducerCeiling.recordsPerSecond(options.bootstrap(), recordBytes, Duration.ofSeconds(20));
        String report = Report.markdown(options, idle, rows, ceiling, recordBytes, Instant.now())
                + Report.questions(questions);
        log.info("{}", report);
        Files.writeString(options.report(), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * One step's figures; {@code cpuMillis} is each process's CPU a ticket from the step's start to the end of its
     * drain, less its idle rate.
     */
    record Row(OpenLoop.Step step, Pipeline.Figures pipeline, Map<String, Long> lag, Map<String, Double> cpuMillis,
            Map<String, Double> heap) {

        /** The rate was carried end to end: intake took it and the pipeline kept up with it. */
        boolean sustained() {
            return intakeSustained() && pipelineKeptUp();
        }

        /** Nearly every call due was accepted, and the 99th percentile of the answers stays under a second. */
        boolean intakeSustained() {
            return step.accepted() >= SUSTAINED_SHARE * step.due()
                    && step.latency().getValueAtPercentile(99) <= SUSTAINED_P99_MICROS;
        }

        /**
         * The pipeline kept up: every accepted call's ticket was followed and got its receipt text, every sampled one
         * its fact in analytics, 99 % of them within a second of the call, and 99 % of the tickets assigned were so
         * within a second too. A consumer falling behind shows here: the calls of the step's last second would wait
         * for its backlog. A routed call that no rule places goes to the triage queue, which publishes no event, so
         * the assignments are timed as they come rather than all awaited; none at all fails the step.
         */
        boolean pipelineKeptUp() {
            return pipeline.followed() == step.accepted() && pipeline.receiptsSeen() == pipeline.followed()
                    && pipeline.allCounted() && (pipeline.routed() == 0 || pipeline.assignedSeen() > 0)
                    && withinASecond(pipeline.receipt()) && withinASecond(pipeline.assigned())
                    && withinASecond(pipeline.counted());
        }

        private static boolean withinASecond(org.HdrHistogram.Histogram latencies) {
            return latencies.getValueAtPercentile(99) <= SUSTAINED_P99_MICROS;
        }
    }

    static void preload(LoadOptions options, MongoClient mongo, String operator, Calls calls)
            throws IOException, InterruptedException {
        log.info("Preloading {} tickets ...", options.preload());
        Preload preload = new Preload(mongo);
        Preload.Templates templates = preload.existing().orElse(null);
        // on an empty store, calls until one is routed to a unit (a call may join an open incident, or go to triage)
        for (int attempt = 0; templates == null && attempt < 10; attempt++) {
            HttpResponse<String> seed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            options.intake() + "/api/v1/calls")).header("Authorization", "Bearer " + operator)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            calls.next())).build(), HttpResponse.BodyHandlers.ofString());
            if (seed.statusCode() != 202) {
                throw new IllegalStateException("a seed call was refused: " + seed.statusCode() + " " + seed.body());
            }
            templates = preload.templatesOf(OpenLoop.field(seed.body(), "ticketId"), Duration.ofSeconds(20))
                    .orElse(null);
        }
        if (templates == null) {
            throw new IllegalStateException("no call was assigned and stored by every service; is the stack up?");
        }
        long start = System.nanoTime();
        preload.load(templates, options.preload(), Instant.now());
        log.info("Preloaded {} tickets in {} s", options.preload(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }
}
