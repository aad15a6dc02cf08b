package org.hotline12345.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hub's processes on this machine, found by their jars: CPU time (from {@code /proc}) and, for the services,
 * heap in use (from their metrics endpoint, with an admin token).
 */
final class Processes {

    static final List<String> NAMES = List.of("intake-service", "routing-service", "notification-service",
            "analytics-service", "devstack");
    private static final double CLOCK_TICKS = 100.0;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> serviceUrls;
    private final String bearer;

    Processes(List<String> serviceUrls, String adminToken) {
        this.serviceUrls = serviceUrls;
        this.bearer = "Bearer " + adminToken;
    }

    /** The {@code /proc} directories of the hub's processes that run here, by name: found once, read often. */
    Map<String, List<Path>> find() {
        Map<String, List<Path>> found = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(proc -> {
                String command = read(proc.resolve("cmdline")).replace('\0', ' ');
                NAMES.stream().filter(name -> command.contains("/" + name + "-") || command.contains(name + "/target"))
                        .findFirst().ifPresent(name -> found.computeIfAbsent(name, n -> new ArrayList<>()).add(proc));
            });
        } catch (IOException e) {
            return Map.of();
        }
        return found;
    }

    /** CPU seconds used so far by the processes found, summed by name; one that has ended counts no more. */
    static Map<String, Double> cpuSeconds(Map<String, List<Path>> found) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        found.forEach((name, procs) -> procs.forEach(proc -> {
            String stat = read(proc.resolve("stat"));
            if (stat.isEmpty()) {
                return;
            }
            String[] fields = stat.replaceAll("^.*\\) ", "").split(" ");
            // utime and stime are fields 14 and 15 of /proc/pid/stat, here 12 and 13 after the name
            cpu.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS, Double::sum);
        }));
        return cpu;
    }

    /**
     * Sends {@code signal} ({@code STOP} or {@code CONT}) to the processes of each of {@code services} (short names:
     * {@code routing} for {@code routing-service}); none when there are none. Fails when one of them does not run
     * here or cannot be signalled.
     */
    static void signal(Map<String, List<Path>> found, List<String> services, String signal) {
        if (services.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        for (String service : services) {
            List<Path> procs = found.get(service + "-service");
            if (procs == null) {
                throw new IllegalStateException("no " + service + " process runs on this machine to hold");
            }
            procs.forEach(proc -> command.add(proc.getFileName().toString()));
        }
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** CPU seconds used so far by the processes found, and by the load generator under its own name. */
    static Map<String, Double> cpuSecondsWithOwn(Map<String, List<Path>> found) {
        Map<String, Double> cpu = cpuSeconds(found);
        cpu.put(CpuPerTicket.LOAD_GENERATOR, ownCpuSeconds());
        return cpu;
    }

    /** CPU seconds this process (the load generator) has used so far. */
    static double ownCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9)
                .orElseGet(() -> ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
    }

    /** Heap in use by each service, MiB, summed over its heap pools as its Prometheus endpoint reports them. */
    Map<String, Double> heapMiB() {
        Map<String, Double> heap = new LinkedHashMap<>();
        for (int i = 0; i < serviceUrls.size(); i++) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(serviceUrls.get(i)
                                + "/actuator/prometheus")).header("Authorization", bearer)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                double bytes = body.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{")
                                && l.contains("area=\"heap\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
                heap.put(NAMES.get(i), bytes / (1024 * 1024));
            } catch (IOException | RuntimeException e) {
                heap.put(NAMES.get(i), Double.NaN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return heap;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
