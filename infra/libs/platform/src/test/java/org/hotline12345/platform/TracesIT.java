package org.hotline12345.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT} set, a service sends its traces over OTLP (HTTP,
 * protobuf) to that collector: here a stand-in collector that keeps what it is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TracesIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final List<Export> exports = new CopyOnWriteArrayList<>();
    static final HttpServer collector = collector();

    record Export(String path, String contentType, byte[] body) {

        boolean contains(String text) {
            return new String(body, StandardCharsets.ISO_8859_1).contains(text);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "traces-it");
        // every request, so that the one request of this test is certainly exported
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stop() {
        collector.stop(0);
    }

    @Autowired
    WebTestClient web;

    @Test
    void exportsEachRequestsSpanToTheConfiguredCollector() {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(infra.tokens().mint("op-1", "OPERATOR")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"traced\"}").exchange();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exports).anySatisfy(export -> {
            assertThat(export.path()).isEqualTo("/v1/traces");
            assertThat(export.contentType()).isEqualTo("application/x-protobuf");
            // the resource names the service; the server span names the request
            assertThat(export.contains("platform-test")).isTrue();
            assertThat(export.contains("/notes")).isTrue();
        }));
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exports.add(new Export(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
