package org.hotline12345.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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

    /** What the whole hub uses while nothing comes, at most, for a measurement to count as idle (about 0.2 cores). */
    static final double BUSY = 0.6;
    static final double STILL_FALLING = 0.1;
    /** Cores a 10-second measurement of a quiet process moves by anyway (a clock tick is 10 ms). */
    static final double NOISE = 0.005;

    private IdleBaseline() {
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
