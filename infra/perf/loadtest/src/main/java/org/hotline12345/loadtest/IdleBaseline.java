package org.hotline12345.loadtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's idle CPU, each process's cores while no calls come, taken once it has settled. Whatever is taken as idle
 * is subtracted from every ticket, so a baseline taken too early makes each ticket look cheaper: a dev stack just
 * started still compiles its hot code for a minute or two (intake measured 0.10 cores then and 0.026 minutes later),
 * and after a preload the services work through what it stored. So the baseline is measured again while the whole
 * hub is over {@link #BUSY} cores or while any process still falls by more than {@link #STILL_FALLING} of itself
 * (and more than {@link #NOISE}) from one measurement to the next, and each process's lower figure of the last two is
 * kept.
 */
final class IdleBaseline {

    /**
     * How long each measurement of the idle CPU lasts: long enough to hold whole periods of the hub's periodic work
     * (the dev stack's process used 0.05 cores in two 10-second windows of three and 0.12 in the third, so 10-second
     * windows never agreed and the baseline ran to its limit).
     */
    static final Duration EACH = Duration.ofSeconds(30);
    /** How long the hub is given to settle before the baseline is taken anyway, with a warning. */
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);
    /** What the whole hub uses while nothing comes, at most, for a measurement to count as idle (about 0.2 cores). */
    static final double BUSY = 0.6;
    static final double STILL_FALLING = 0.1;
    /** Cores a 30-second measurement of a quiet process moves by anyway (a clock tick is 10 ms). */
    static final double NOISE = 0.01;

    private static final Logger log = LoggerFactory.getLogger(IdleBaseline.class);

    private IdleBaseline() {
    }

    /**
     * The settled baseline of the hub's processes on this machine and of the load generator, CPU seconds a second
     * each, measured {@link #EACH} at a time for at most {@link #SETTLE_LIMIT}.
     */
    static Map<String, Double> settled(Processes processes) {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        Map<String, Double> idle = settled(() -> measure(processes), () -> System.nanoTime() < deadline);
        if (busy(idle)) {
            log.warn("The hub did not settle within {} min; CPU per ticket is taken over a busy baseline",
                    SETTLE_LIMIT.toMinutes());
        }
        return idle;
    }

    private static Map<String, Double> measure(Processes processes) {
        Map<String, List<Path>> procs = processes.find();
        Processes.NAMES.stream().filter(name -> !procs.containsKey(name))
                .forEach(name -> log.warn("No {} process runs on this machine; its CPU is not measured", name));
        log.info("Measuring the idle CPU for {} s ...", EACH.toSeconds());
        Map<String, Double> before = Processes.cpuSecondsWithOwn(procs);
        long start = System.nanoTime();
        OpenLoop.pause(EACH);
        Map<String, Double> after = Processes.cpuSecondsWithOwn(procs);
        Map<String, Double> idle = CpuPerTicket.perSecond(before, after, Duration.ofNanos(System.nanoTime() - start));
        log.info("Idle CPU (cores): {}", idle);
        return idle;
    }

    /**
     * The settled baseline from {@code measure} (each call a fresh measurement of every process's cores), measuring
     * no more once {@code timeLeft} says so; then the last measurement is returned as it is, settled or not.
     */
    static Map<String, Double> settled(Supplier<Map<String, Double>> measure, BooleanSupplier timeLeft) {
        Map<String, Double> idle = measure.get();
        while (timeLeft.getAsBoolean()) {
            Map<String, Double> next = measure.get();
            if (!busy(idle) && !stillFalling(idle, next)) {
                Map<String, Double> lower = new LinkedHashMap<>(idle);
                next.forEach((process, cores) -> lower.merge(process, cores, Math::min));
                return lower;
            }
            idle = next;
        }
        return idle;
    }

    private static boolean stillFalling(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().anyMatch(process -> {
            double was = before.getOrDefault(process.getKey(), process.getValue());
            double fall = was - process.getValue();
            return fall > NOISE && fall > was * STILL_FALLING;
        });
    }

    static boolean busy(Map<String, Double> idle) {
        return total(idle) > BUSY;
    }

    private static double total(Map<String, Double> cores) {
        return cores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
