package org.hotline12345.platform.pages;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the pages' {@link PagePolicy} on every answer that is HTML, decided when the answer's headers are final, so
 * that a page served by the static resource handler ({@code /console/index.html}) is as protected as the same page
 * at {@code /console}. Runs first, so that an answer another filter ends early is covered too.
 */
final class PagePolicyFilter implements WebFilter, Ordered {

    static final String HEADER = "Content-Security-Policy";

    private final String policy;

    PagePolicyFilter(String policy) {
        this.policy = policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            MediaType type = headers.getContentType();
            if (type != null && (MediaType.TEXT_HTML.isCompatibleWith(type)
                    || MediaType.APPLICATION_XHTML_XML.isCompatibleWith(type))) {
                headers.set(HEADER, policy);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
