package org.hotline12345.intake.open311;

import java.util.List;
import java.util.Map;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.hotline12345.platform.problem.IdempotencyKeyReusedException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Open311 clients expect the specification's error body, a list of {@code code} and {@code description}, in the
 * format they asked for, rather than the problem documents the rest of the API answers with.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Advice {

    private static final Logger log = LoggerFactory.getLogger(Open311Advice.class);

    @ExceptionHandler
    ResponseEntity<String> open311(Open311Error error, ServerWebExchange exchange) {
        return errors(exchange, error.status(), List.of(error.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<String> invalid(InvalidRequestException error, ServerWebExchange exchange) {
        return errors(exchange, HttpStatus.BAD_REQUEST, error.fieldErrors().entrySet().stream()
                .map(field -> field.getKey() + ": " + field.getValue()).toList());
    }

    @ExceptionHandler
    ResponseEntity<String> tooMany(TooManyRequestsException error, ServerWebExchange exchange) {
        ResponseEntity<String> answer = errors(exchange, HttpStatus.TOO_MANY_REQUESTS, List.of(error.getMessage()));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, error.retryAfter().toSeconds())))
                .body(answer.getBody());
    }

    @ExceptionHandler
    ResponseEntity<String> reused(IdempotencyKeyReusedException error, ServerWebExchange exchange) {
        return errors(exchange, HttpStatus.UNPROCESSABLE_CONTENT, List.of(error.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<String> unavailable(DependencyUnavailableException error, ServerWebExchange exchange) {
        return errors(exchange, HttpStatus.SERVICE_UNAVAILABLE, List.of(error.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<String> status(ResponseStatusException error, ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
        return errors(exchange, status, List.of(error.getReason() == null ? status.getReasonPhrase()
                : error.getReason()));
    }

    /** A form larger than the service reads into memory (a chunked one has no length to refuse it by up front). */
    @ExceptionHandler
    ResponseEntity<String> tooLarge(DataBufferLimitException error, ServerWebExchange exchange) {
        return errors(exchange, HttpStatus.CONTENT_TOO_LARGE, List.of("The request body is too large."));
    }

    @ExceptionHandler
    ResponseEntity<String> unexpected(RuntimeException error, ServerWebExchange exchange) {
        log.error("Open311 request failed", error);
        return errors(exchange, HttpStatus.INTERNAL_SERVER_ERROR, List.of("The request could not be handled"));
    }

    private static ResponseEntity<String> errors(ServerWebExchange exchange, HttpStatus status,
            List<String> descriptions) {
        String format = exchange.getRequest().getPath().value().endsWith(".xml") ? "xml" : "json";
        List<Map<String, Object>> errors = descriptions.stream()
                .map(description -> Open311Controller.fields("code", status.value(), "description", description))
                .toList();
        return Open311Body.render(status, format, "errors", errors);
    }
}
