package org.hotline12345.platform.problem;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the bound with 413 before anything reads it; a chunked body is
 * bounded by the codecs' in-memory limit instead.
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final ProblemWriter problems;

    BodySizeLimitFilter(DataSize maxBodySize, ProblemWriter problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + length + " bytes; at most " + maxBytes + " are accepted.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
