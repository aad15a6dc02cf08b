package org.hotline12345.platform.problem;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline12345.platform.HotlineProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body over the bound with 413: one whose declared length is over it before anything reads it, and a
 * chunked one (no declared length) as soon as the bytes read pass it, so a handler never holds more than the bound.
 * The bound is {@code hotline.http.max-body-size}, and {@code max-upload-size} on the paths of uploads alone.
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final List<PathPattern> uploadPaths;
    private final ProblemWriter problems;

    BodySizeLimitFilter(HotlineProperties.Http http, ProblemWriter problems) {
        this.maxBodyBytes = http.maxBodySize().toBytes();
        this.maxUploadBytes = http.maxUploadSize().toBytes();
        this.uploadPaths = http.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = uploadPaths.stream().anyMatch(path -> path.matches(exchange.getRequest().getPath()
                .pathWithinApplication())) ? maxUploadBytes : maxBodyBytes;
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + length + " bytes; at most " + maxBytes + " are accepted.");
        }
        if (length >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest bounded = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ContentTooLargeException(new IllegalStateException(
                                "The request body is over " + maxBytes + " bytes, the most accepted.")));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(bounded).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
