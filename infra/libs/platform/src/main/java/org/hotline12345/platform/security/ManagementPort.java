package org.hotline12345.platform.security;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Matches requests that came in on the actuator's own port ({@code management.server.port}, set in deployments):
 * a port that is not published outside the private network, where Prometheus and the orchestrator's probes call
 * without a token. The port is learnt when the management server starts, so a random port in tests works too;
 * without a separate management server nothing matches.
 */
final class ManagementPort implements ServerWebExchangeMatcher, ApplicationListener<WebServerInitializedEvent> {

    private static final String MANAGEMENT_NAMESPACE = "management";

    private final AtomicInteger port = new AtomicInteger(-1);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
            port.set(event.getWebServer().getPort());
        }
    }

    /**
     * The port the connection really came in on: the request's local address is rewritten by forwarded headers
     * ({@code X-Forwarded-Port}, {@code Forwarded: host=}) where those are honoured, which anyone can send.
     */
    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        Object request;
        try {
            request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (IllegalArgumentException | IllegalStateException noServerConnection) {
            // a request without a connection of its own (a mock server's) came in on no management port
            return MatchResult.notMatch();
        }
        return request instanceof HttpServerRequest netty
                && netty.connectionHostAddress() instanceof InetSocketAddress local
                && local.getPort() == port.get() ? MatchResult.match() : MatchResult.notMatch();
    }
}
