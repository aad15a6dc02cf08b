package org.hotline12345.devstack;

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
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/** An SMS provider that accepts every text and counts what it accepted by the client's reference. */
final class ProviderStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();

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
                byte[] answer = taken ? "{\"messageId\":\"taken\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.sendResponseHeaders(taken ? 200 : 404, taken ? answer.length : -1);
                exchange.getResponseBody().write(answer);
                exchange.close();
                return;
            }
            String reference = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("clientReference")
                    .asString("");
            accepted.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
            byte[] answer = ("{\"messageId\":\"" + UUID.randomUUID() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
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

    @Override
    public void close() {
        server.stop(0);
    }
}
