package org.hotline12345.loadtest;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The hub's idle CPU, each process's cores while no calls come, taken once it has settled. Whatever is taken as idle
 * is subtracted from every ticket, so a baseline taken too early makes each ticket look cheaper: a dev stack just
 * started still compiles its hot code for a minute or two (intake measured 0.10 cores then and 0.026 minutes later),
 * and after a preload the services work through what it stored. So the baseline is measured again while the whole
 * hub is over {@link #BUSY} cores or while it still falls by more than {@link #STILL_FALLING} of itself from one
 * measurement to the next, and the lower of the last two is kept.
 */
final class IdleBaseline {

    /** What the whole hub uses while nothing comes, at most, for a measurement to count as idle (about 0.2 cores). */
    static final double BUSY = 0.6;
    static final double STILL_FALLING = 0.1;

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
            boolean wasIdle = total(idle) <= BUSY;
            boolean stillFalling = total(next) < total(idle) * (1 - STILL_FALLING);
            if (wasIdle && !stillFalling) {
                return total(next) < total(idle) ? next : idle;
            }
            idle = next;
        }
        return idle;
    }

    static boolean busy(Map<String, Double> idle) {
        return total(idle) > BUSY;
    }

    static double total(Map<String, Double> cores) {
        return cores.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
