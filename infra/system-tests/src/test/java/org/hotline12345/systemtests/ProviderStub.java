package org.hotline12345.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS provider that counts what it accepted by the client's reference. It behaves as {@link #behave} last set:
 * well, slowly, accepting a text and then not answering within the sender's timeout, or failing without accepting.
 */
final class ProviderStub implements AutoCloseable {

    enum Behaviour {
        WELL, SLOW, ACCEPTS_THEN_TIMES_OUT, FAILS
    }

    /** Slow, within the sender's 3 s timeout. */
    private static final long SLOW_MILLIS = 2_000;
    /** Past the sender's 3 s timeout: the text was taken, but its sender never hears so. */
    private static final long SILENT_MILLIS = 5_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();
    private volatile Behaviour behaviour = Behaviour.WELL;
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicInteger silent = new AtomicInteger();

    ProviderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/sms", exchange -> {
            if ("GET".equals(exchange.getRequestMethod())) {
                // the look-up of a text by its client reference, after a send whose answer did not arrive
                String path = exchange.getRequestURI().getPath();
                boolean taken = accepted.containsKey(path.substring(path.lastIndexOf('/') + 1));
                lookups.incrementAndGet();
                byte[] answer = taken ? "{\"messageId\":\"taken\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(taken ? 200 : 404, taken ? answer.length : -1);
                exchange.getResponseBody().write(answer);
                exchange.close();
                return;
            }
            Behaviour now = behaviour;
            if (now == Behaviour.FAILS) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String reference = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("clientReference")
                    .asString("");
            accepted.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
            long delay = now == Behaviour.SLOW ? SLOW_MILLIS
                    : now == Behaviour.ACCEPTS_THEN_TIMES_OUT ? SILENT_MILLIS : 0;
            if (delay > 0) {
                (now == Behaviour.SLOW ? slow : silent).incrementAndGet();
            }
            // the provider's own slowness: the answer goes out late, from a timer, without holding a thread
            late.schedule(() -> answer(exchange), delay, TimeUnit.MILLISECONDS);
        });
        server.setExecutor(handlers);
        server.start();
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    private static void answer(HttpExchange exchange) {
        try {
            byte[] answer = ("{\"messageId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // the sender gave up and closed the connection: the text was taken all the same
        } finally {
            exchange.close();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How often each client reference (a notification: ticket and event) was accepted. */
    Map<String, Integer> accepted() {
        Map<String, Integer> counts = new TreeMap<>();
        accepted.forEach((reference, count) -> counts.put(reference, count.get()));
        return counts;
    }

    /** What the faults did: sends answered slowly, taken without an answer in time, refused, and look-ups. */
    String faultsMet() {
        return String.format("%d sends answered slowly, %d taken but answered after the sender's timeout, %d refused "
                + "with 503, %d look-ups by client reference", slow.get(), silent.get(), refused.get(), lookups.get());
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        late.shutdownNow();
    }
}
