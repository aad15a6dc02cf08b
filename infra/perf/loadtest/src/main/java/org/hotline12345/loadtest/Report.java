package org.hotline12345.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The load test's figures as a console line per step and a Markdown section. */
final class Report {

    private Report() {
    }

    static String line(LoadTest.Row row) {
        OpenLoop.Step step = row.step();
        return ("%5d/s offered: %7.1f/s accepted (%d failed), HTTP p50 %s p99 %s p99.9 %s; assigned p99 %s, receipt "
                + "p99 %s, counted p99 %s; CPU ms/ticket %s; %s")
                .formatted(step.rate(), step.acceptedPerSecond(), step.failed(), ms(step.latency(), 50),
                        ms(step.latency(), 99), ms(step.latency(), 99.9), ms(row.pipeline().assigned(), 99),
                        ms(row.pipeline().receipt(), 99), ms(row.pipeline().counted(), 99),
                        decimals(row.cpuMillis(), "%.1f"), row.sustained() ? "sustained end to end"
                                : row.intakeSustained() ? "NOT sustained: the pipeline fell behind"
                                : "NOT sustained by intake");
    }

    /** The stepped rates' section: machine and command, one row per rate, and the end-to-end capacity. */
    static String markdown(LoadOptions options, Map<String, Double> idle, List<LoadTest.Row> rows, double ceiling,
            int recordBytes, Instant when) {
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(options.label()).append(" (").append(when.toString(), 0, 16).append("Z)\n\n");
        md.append("Machine: ").append(machine()).append(". Command: `./loadtest --preload=").append(options.preload())
                .append(" --rates=").append(options.rates().stream().map(String::valueOf)
                        .collect(Collectors.joining(","))).append(" --warmup=").append(options.warmup().toSeconds())
                .append(" --step=").append(options.step().toSeconds()).append("`; warm-up ")
                .append(options.warmup().toSeconds()).append(" s at the first rate, each rate then held ")
                .append(options.step().toSeconds()).append(" s, open loop (the i-th call due at start + i / rate, its ")
                .append("latency from then), every call from a number of its own at a cell of its own of a 250 m ")
                .append("lattice over 120 km around the city. CPU per ticket: each process's CPU from the step's ")
                .append("start to the end of its drain, less its idle rate over as long (settled: ")
                .append(decimals(idle, "%.3f")).append(" cores), per accepted call.\n\n");
        md.append("| offered /s | accepted /s | failed | HTTP p50 | p99 | p99.9 | to assigned p50 / p99 "
                + "| to receipt text p50 / p99 | to counted p50 / p99 | texted, assigned, counted | consumer lag at the end "
                + "| CPU ms/ticket: intake | routing | notification | analytics | devstack | 4 services "
                + "| load generator | heap MiB | end to end |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadTest.Row row : rows) {
            OpenLoop.Step step = row.step();
            Pipeline.Figures pipeline = row.pipeline();
            Map<String, Double> cpu = row.cpuMillis();
            md.append("| %d | %.1f | %d | %s | %s | %s | %s / %s | %s / %s | %s / %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n"
                    .formatted(step.rate(), step.acceptedPerSecond(), step.failed(), ms(step.latency(), 50),
                            ms(step.latency(), 99), ms(step.latency(), 99.9), ms(pipeline.assigned(), 50),
                            ms(pipeline.assigned(), 99), ms(pipeline.receipt(), 50), ms(pipeline.receipt(), 99),
                            ms(pipeline.counted(), 50), ms(pipeline.counted(), 99),
                            "%d of %d texted, %d of %d routed assigned, %d not counted".formatted(
                                    pipeline.receiptsSeen(), pipeline.followed(), pipeline.assignedSeen(),
                                    pipeline.routed(), pipeline.notCounted()),
                            compact(row.lag()), one(cpu, "intake-service"), one(cpu, "routing-service"),
                            one(cpu, "notification-service"), one(cpu, "analytics-service"), one(cpu, "devstack"),
                            one(Map.of("services", CpuPerTicket.services(cpu)), "services"),
                            one(cpu, CpuPerTicket.LOAD_GENERATOR), decimals(row.heap(), "%.0f"),
                            row.sustained() ? "yes" : row.intakeSustained() ? "no: the pipeline fell behind"
                                    : "no: intake"));
        }
        LoadTest.Row best = rows.stream().filter(LoadTest.Row::sustained).reduce((a, b) -> b).orElse(null);
        md.append("\nEnd-to-end capacity, the highest rate at which intake accepted ≥ 99 % of the calls with HTTP p99 ")
                .append("≤ 1 s and every accepted call was receipt-texted and (one in ten sampled) counted, 99 % of ")
                .append("them and of the assignments within 1 s of the call: ")
                .append(best == null ? "none of those offered" : "**%d calls/s** (%.1f accepted/s, HTTP p99 %s)"
                        .formatted(best.step().rate(), best.step().acceptedPerSecond(),
                                ms(best.step().latency(), 99)));
        md.append(". Raw Kafka producer on the same broker (%d-byte records, acks=all, idempotent, 20 s after 5 s "
                .formatted(recordBytes) + "of warm-up): %.0f records/s.\n".formatted(ceiling));
        return md.toString();
    }

    static String line(Burst.Run run) {
        return ("run %d: %d accepted (%.1f/s while posting, %d failed), HTTP p50 %s p99 %s p99.9 %s, %s linked; "
                + "%s; peak lag %d; CPU ms/ticket %s")
                .formatted(run.number(), run.accepted(), run.acceptedPerSecond(), run.failed(),
                        ms(run.latency(), 50), ms(run.latency(), 99), ms(run.latency(), 99.9), share(run),
                        run.drained() ? "lag zero %s after the first post, %.1f tickets/s end to end, drained %s after the last answer"
                                .formatted(seconds(run.toLagZero()), run.endToEndPerSecond(), seconds(run.drain()))
                                : "NOT drained within 15 min, left: " + compact(run.lagLeft()),
                        run.peakLag(), decimals(run.cpuMillis(), "%.1f"));
    }

    /** The bursts' section: machine and command, one row per run, and the producer ceilings of the same broker. */
    static String bursts(LoadOptions options, String command, Map<String, Double> idle, List<Burst.Run> runs,
            double plainCeiling, double transactionalCeiling, Instant when) {
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(options.label()).append(" (").append(when.toString(), 0, 16).append("Z)\n\n");
        md.append("Machine: ").append(machine()).append(". Command: `").append(command).append("`. ")
                .append(options.warmup().isZero() ? "No warm-up. "
                        : "Warm-up: the same clients posting for %d s before the baseline, not measured. "
                                .formatted(options.warmup().toSeconds()))
                .append(options.held().isEmpty() ? ""
                        : "Intake alone: %s held still (SIGSTOP) while the clients posted, let go as they stopped. "
                                .formatted(String.join(", ", options.held())))
                .append("Each run: %d clients post calls closed loop (each its next call as soon as the last was "
                        .formatted(options.clients()))
                .append("answered) for %d s, every call from a number of its own at a cell of its own of a 250 m "
                        .formatted(options.burst().toSeconds()))
                .append("lattice over 120 km around the city (none repeats or joins another's incident; those outside "
                        + "the grids go where the rules send a ticket with no grid); then the consumer groups are read every %d ms until every one has read everything "
                        .formatted(Burst.POLL.toMillis()))
                .append("(lag zero, unchanged for %d s). End to end = accepted / (first post → lag zero). "
                        .formatted(Burst.SETTLE.toSeconds()))
                .append("CPU per ticket: each process's CPU from the first post to lag zero, less its idle rate ")
                .append(("over as long (measured over %d s at a time before the first run, again until no process "
                        + "falls by more than a tenth, the lower of the last two kept: %s cores), per accepted call.\n\n")
                        .formatted(IdleBaseline.EACH.toSeconds(), decimals(idle, "%.3f")));
        md.append("| run | accepted | failed | accepted /s | HTTP p50 | p99 | p99.9 | linked | first post → lag 0 "
                + "| end to end tickets /s | drain after last answer | peak lag | CPU ms/ticket: intake | routing "
                + "| notification | analytics | devstack | 4 services | load generator |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Burst.Run run : runs) {
            Map<String, Double> cpu = run.cpuMillis();
            md.append("| %d | %d | %s | %.1f | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n"
                    .formatted(run.number(), run.accepted(), failures(run), run.acceptedPerSecond(),
                            ms(run.latency(), 50), ms(run.latency(), 99), ms(run.latency(), 99.9), share(run),
                            run.drained() ? seconds(run.toLagZero()) : "not in 15 min",
                            run.drained() ? "%.1f".formatted(run.endToEndPerSecond()) : "–",
                            run.drained() ? seconds(run.drain()) : "left: " + compact(run.lagLeft()),
                            run.peakLag(), one(cpu, "intake-service"), one(cpu, "routing-service"),
                            one(cpu, "notification-service"), one(cpu, "analytics-service"), one(cpu, "devstack"),
                            one(Map.of("services", CpuPerTicket.services(cpu)), "services"),
                            one(cpu, CpuPerTicket.LOAD_GENERATOR)));
        }
        md.append("\nLinked: accepted calls joined to an open ticket (same incident within 200 m and 48 h; no call "
                + "here repeats a caller), which are not dispatched again. ");
        md.append("Raw Kafka producer on the same broker (%d-byte records, acks=all, idempotent, %d s after 5 s of "
                .formatted(Burst.RECORD_BYTES, Burst.CEILING_HELD.toSeconds()))
                .append("warm-up): %.0f records/s; transactional, committing every %d records: %.0f records/s.\n"
                        .formatted(plainCeiling, Burst.RECORDS_PER_TRANSACTION, transactionalCeiling));
        return md.toString();
    }

    private static String failures(Burst.Run run) {
        if (run.failures().isEmpty()) {
            return "0";
        }
        return run.failed() + " (" + run.failures().entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String share(Burst.Run run) {
        return run.accepted() == 0 ? "–" : "%.0f %%".formatted(100.0 * run.linked() / run.accepted());
    }

    private static String seconds(java.time.Duration duration) {
        return "%.1f s".formatted(duration.toNanos() / 1e9);
    }

    private static String one(Map<String, Double> values, String name) {
        Double value = values.get(name);
        return value == null || value.isNaN() ? "–" : "%.1f".formatted(value);
    }

    static String questions(Map<String, Histogram> latencies) {
        StringBuilder md = new StringBuilder("\nThe analysts' questions over 92 days, one at a time, 20 rounds after 3 "
                + "unmeasured:\n\n| question | p50 | p95 | max |\n|---|---|---|---|\n");
        latencies.forEach((name, histogram) -> md.append("| %s | %s | %s | %s |\n".formatted(name,
                ms(histogram, 50), ms(histogram, 95), ms(histogram, 100))));
        return md.toString();
    }

    private static String ms(Histogram histogram, double percentile) {
        if (histogram.getTotalCount() == 0) {
            return "–";
        }
        double millis = histogram.getValueAtPercentile(percentile) / 1000.0;
        return millis < 10 ? "%.1f ms".formatted(millis) : "%.0f ms".formatted(millis);
    }

    private static String compact(Map<String, Long> values) {
        return values.entrySet().stream().map(e -> e.getKey().replace("hotline-", "") + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String decimals(Map<String, Double> values, String format) {
        return values.entrySet().stream().map(e -> e.getKey().replace("-service", "") + " "
                + format.formatted(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String machine() {
        String model = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").orElse("? GiB");
        return Runtime.getRuntime().availableProcessors() + " cores (" + model + "), " + memory + ", Java "
                + System.getProperty("java.version") + "; the load generator, the broker, the wire server and the "
                + "four services share them";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
