package org.hotline12345.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.HdrHistogram.Recorder;

/**
 * Sends operator calls at a fixed arrival rate whatever the answers do (open loop): the i-th call is due at
 * {@code start + i / rate}, and its latency runs from that moment, so a stall delays the calls behind it and shows in
 * their latency instead of lowering the rate the server is offered.
 */
final class OpenLoop {

    /**
     * Calls in flight at once at most, as a centre has so many operator seats: past that the sender waits for an
     * answer, and the wait counts in the latencies since they run from each call's due time. Without a bound, every
     * slow moment opened hundreds of new connections (the client keeps one per call in flight), whose set-up on both
     * sides took the CPU the hub needed to catch up: at 200 calls/s the load generator alone used 1.8 ms a call.
     */
    static final int MAX_IN_FLIGHT = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI calls;
    private final String bearer;
    private final Calls generator;

    OpenLoop(String intake, String operatorToken, Calls generator) {
        this.calls = URI.create(intake + "/api/v1/calls");
        this.bearer = "Bearer " + operatorToken;
        this.generator = generator;
    }

    /** What one rate gave: calls due, accepted and failed, and the latency from each call's due time. */
    record Step(int rate, Duration held, long due, long accepted, long failed, org.HdrHistogram.Histogram latency) {

        double acceptedPerSecond() {
            return accepted * 1_000_000_000.0 / held.toNanos();
        }
    }

    /**
     * Offers {@code rate} calls a second for {@code held}; {@code onAccepted} gets each accepted ticket's receipt
     * and the call's due time ({@link System#nanoTime()}), for the pipeline's latencies.
     */
    Step run(int rate, Duration held, BiConsumer<String, Long> onAccepted) {
        Recorder latency = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + held.toNanos();
        long due = 0;
        for (long at = start; at < end; at = start + ++due * interval) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            long dueAt = at;
            HttpRequest request = HttpRequest.newBuilder(calls).timeout(TIMEOUT)
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(generator.next())).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                // released last: the step ends when every permit is back, so no answer is counted in the next step
                try {
                    latency.recordValue(Math.max(1, (System.nanoTime() - dueAt) / 1_000));
                    if (error == null && response.statusCode() == 202) {
                        accepted.incrementAndGet();
                        onAccepted.accept(response.body(), dueAt);
                    } else {
                        failed.incrementAndGet();
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        // the step ends when every call due in it has been answered or has timed out
        inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
        long elapsed = Math.max(System.nanoTime() - start, held.toNanos());
        return new Step(rate, Duration.ofNanos(elapsed), due, accepted.get(), failed.get(),
                latency.getIntervalHistogram());
    }

    /** A string field of a receipt, or null. */
    static String field(String receipt, String name) {
        String key = "\"" + name + "\":\"";
        int at = receipt.indexOf(key);
        return at < 0 ? null : receipt.substring(at + key.length(), receipt.indexOf('"', at + key.length()));
    }

    /** Waits a moment for the server between steps. */
    static void pause(Duration pause) {
        LockSupport.parkNanos(TimeUnit.NANOSECONDS.convert(pause));
    }
}
