package org.hotline12345.loadtest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU each process spent on the tickets of a burst or a step: what it used from their start until the hub had done
 * with them (lag zero after a burst, the end of a step's drain), less what it uses idle over as long (sweeps,
 * heartbeats), divided by the tickets accepted.
 */
final class CpuPerTicket {

    /** The name the load generator (this process) has among the processes. */
    static final String LOAD_GENERATOR = "load generator";
    private static final java.util.List<String> SERVICES = Processes.NAMES.subList(0, 4);

    private CpuPerTicket() {
    }

    /** CPU seconds a second each process used between two readings {@code over} apart. */
    static Map<String, Double> perSecond(Map<String, Double> before, Map<String, Double> after, Duration over) {
        Map<String, Double> rates = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            if (before.containsKey(name)) {
                rates.put(name, (seconds - before.get(name)) / seconds(over));
            }
        });
        return rates;
    }

    /**
     * Milliseconds of CPU per ticket for each process read both times, net of its idle rate over {@code over}; a
     * process without an idle rate is taken as idle at zero.
     */
    static Map<String, Double> millis(Map<String, Double> before, Map<String, Double> after,
            Map<String, Double> idlePerSecond, Duration over, long tickets) {
        Map<String, Double> millis = new LinkedHashMap<>();
        if (tickets <= 0) {
            return millis;
        }
        after.forEach((name, seconds) -> {
            if (before.containsKey(name)) {
                double net = seconds - before.get(name) - idlePerSecond.getOrDefault(name, 0.0) * seconds(over);
                millis.put(name, net * 1000 / tickets);
            }
        });
        return millis;
    }

    /** The four services' figures summed, or NaN when any of them is missing. */
    static double services(Map<String, Double> millis) {
        return SERVICES.stream().mapToDouble(name -> millis.getOrDefault(name, Double.NaN)).sum();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
