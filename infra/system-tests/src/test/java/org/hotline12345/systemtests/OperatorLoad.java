package org.hotline12345.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operators registering calls at a steady rate, each call with its own {@code Idempotency-Key}, and retrying a call
 * that got no 202 (an error, a 503, a dead connection) with the same key until it does, as an operator's console
 * would. Each call comes from its own number and place, in categories that do not merge, so every call is one
 * ticket that routing assigns.
 */
final class OperatorLoad implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperatorLoad.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CATEGORIES = List.of("NOISE", "TRAFFIC", "WATER_SUPPLY", "POWER_SUPPLY",
            "PARKING", "HOUSING");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    private final List<String> urls = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final String token;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicLong refusals = new AtomicLong();
    private final Map<String, AtomicLong> refusalsBy = new ConcurrentHashMap<>();
    private final AtomicLong slowestRefusalMillis = new AtomicLong();
    private volatile boolean calling;

    OperatorLoad(String intakeUrl, String operatorToken) {
        urls.add(intakeUrl + "/api/v1/calls");
        this.token = operatorToken;
    }

    /** Sends calls to another intake instance too, taking turns, as a load balancer would. */
    void addIntake(String intakeUrl) {
        urls.add(intakeUrl + "/api/v1/calls");
    }

    /** Starts registering {@code perSecond} new calls a second, and retrying those not yet accepted. */
    void start(int perSecond) {
        calling = true;
        clock.scheduleAtFixedRate(unfailing(() -> {
            if (calling) {
                newCall();
            }
        }), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        clock.scheduleWithFixedDelay(unfailing(this::retryUnanswered), RETRY_AFTER.toMillis(),
                RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A scheduled task that throws is never run again, and the load would silently stop. */
    private static Runnable unfailing(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Operator load: {}", e.toString(), e);
            }
        };
    }

    /** Stops registering new calls; the unanswered ones keep being retried. */
    void stopCalling() {
        calling = false;
    }

    int calls() {
        return bodies.size();
    }

    /** The ticket id each accepted call got, by its key. */
    Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    int unanswered() {
        return bodies.size() - accepted.size();
    }

    /** Answers other than 202 (503, 500, a dead connection, a timeout) before a call was accepted. */
    long refusals() {
        return refusals.get();
    }

    /** The refusals by HTTP status or by the exception that ended the request. */
    Map<String, Long> refusalsByReason() {
        Map<String, Long> counts = new TreeMap<>();
        refusalsBy.forEach((why, count) -> counts.put(why, count.get()));
        return counts;
    }

    long slowestRefusalMillis() {
        return slowestRefusalMillis.get();
    }

    private void newCall() {
        int n = sequence.incrementAndGet();
        String key = UUID.randomUUID().toString();
        // 6,400 points about 250 m apart (an incident spans 200 m), each in a category of its own until call
        // 19,200, so no two calls are one incident and every call is dispatched
        double lat = 26.50 + (n % 80) * 0.0025;
        double lon = 106.60 + (n / 80 % 80) * 0.0025;
        String body = String.format(Locale.ROOT, """
                {"callerPhone":"139%08d","callerName":"测试","description":"故障注入测试 %d",\
                "location":{"lat":%.4f,"lon":%.4f},"category":"%s","contactAllowed":true}""", n, n, lat, lon,
                CATEGORIES.get(n % CATEGORIES.size()));
        bodies.put(key, body);
        send(key);
    }

    private void retryUnanswered() {
        bodies.keySet().stream().filter(key -> !accepted.containsKey(key)).forEach(this::send);
    }

    private void send(String key) {
        if (!inFlight.add(key)) {
            return;
        }
        long began = System.nanoTime();
        // each attempt of a call goes to the next instance after its last one, as a load balancer retries elsewhere:
        // taking turns across all calls instead would send every retry of a call to the same dead instance whenever
        // the number of calls retried each round is a multiple of the instances
        String url = urls.get(Math.floorMod(key.hashCode() + attempts.merge(key, 1, Integer::sum), urls.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(key))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            inFlight.remove(key);
            if (failure == null && response.statusCode() == 202) {
                accepted.put(key, JSON.readTree(response.body()).path("ticketId").asString());
            } else {
                String why = failure != null ? failure.getClass().getSimpleName()
                        : String.valueOf(response.statusCode());
                if (refusalsBy.computeIfAbsent(why, w -> new AtomicLong()).incrementAndGet() <= 3) {
                    log.info("A call was not accepted: {}", failure != null ? failure.toString()
                            : response.statusCode() + " " + response.body());
                }
                refusals.incrementAndGet();
                slowestRefusalMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                        Math::max);
            }
        });
    }

    @Override
    public void close() {
        calling = false;
        clock.shutdownNow();
    }
}
