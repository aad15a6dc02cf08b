package org.hotline12345.platform.problem;

import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every error a handler raises to an RFC 9457 {@code application/problem+json} answer, each with a stable
 * {@code code} ({@link ProblemCodes}) and, for bad fields, a code per field ({@link FieldCodes}).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final URI VALIDATION = URI.create("https://hotline12345.org/problems/validation");
    private static final String CODE = "code";

    @ExceptionHandler
    Mono<ResponseEntity<Object>> notFound(ResourceNotFoundException ex, ServerWebExchange exchange) {
        ProblemDetail problem = detail(HttpStatus.NOT_FOUND, ProblemCodes.NOT_FOUND, ex.detail());
        problem.setProperty("resource", ex.resource());
        return respond(problem, HttpStatus.NOT_FOUND, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> illegalTransition(IllegalTransitionException ex, ServerWebExchange exchange) {
        ProblemDetail problem = detail(HttpStatus.CONFLICT, ProblemCodes.TRANSITION, ex.getMessage());
        problem.setProperty("currentState", ex.currentState());
        if (ex.action() != null) {
            problem.setProperty("action", ex.action());
        }
        if (ex.rule() != null) {
            problem.setProperty("rule", ex.rule());
        }
        return respond(problem, HttpStatus.CONFLICT, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> concurrentChange(ConcurrentChangeException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.CONFLICT, ProblemCodes.CONCURRENT_CHANGE, ex.getMessage(), exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> invalid(InvalidRequestException ex, ServerWebExchange exchange) {
        return validationProblem(ex.errors(), exchange);
    }

    /** A request parameter or header that breaks its constraint, checked by method validation. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> constraintViolated(ConstraintViolationException ex, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> {
                    FieldError error = FieldError.of(v);
                    return new FieldError(lastNode(error.field()), error.code(), error.message());
                })
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return validationProblem(errors, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), codeOf(error), error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return validationProblem(errors, exchange);
    }

    /** A Spring validation error's last code is the constraint's simple name, {@code NotBlank}. */
    private static String codeOf(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return FieldCodes.ofConstraint(codes == null || codes.length == 0 ? null : codes[codes.length - 1]);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> keyReused(IdempotencyKeyReusedException ex, ServerWebExchange exchange) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.IDEMPOTENCY_KEY_REUSED, ex.getMessage(),
                exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> tooMany(TooManyRequestsException ex, ServerWebExchange exchange) {
        long seconds = Math.max(1, ex.retryAfter().toSeconds());
        ProblemDetail problem = detail(HttpStatus.TOO_MANY_REQUESTS, ProblemCodes.TOO_MANY_REQUESTS,
                ex.getMessage());
        problem.setProperty("retryAfter", seconds);
        problem.setInstance(exchange.getRequest().getURI());
        return Mono.just(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> unavailable(DependencyUnavailableException ex, ServerWebExchange exchange) {
        log.warn("Answering 503: {}", ex.getMessage(), ex.getCause());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.DEPENDENCY_UNAVAILABLE, ex.getMessage(),
                exchange);
    }

    /**
     * MongoDB did not answer within {@code hotline.mongo.operation-timeout}, or is unreachable: the caller gets 503
     * within that bound instead of a request that hangs for as long as the database does.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class,
            MongoTimeoutException.class, MongoOperationTimeoutException.class, MongoSocketException.class})
    Mono<ResponseEntity<Object>> databaseUnavailable(Exception ex, ServerWebExchange exchange) {
        log.warn("Answering 503, the database did not answer: {}", ex.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.DEPENDENCY_UNAVAILABLE,
                "The database did not answer in time. Try again; a request "
                + "with an Idempotency-Key is safe to repeat.", exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldError> errors = ex.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), codeOf(e), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return validationProblem(errors, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = ex.getCause();
        if (cause instanceof DataBufferLimitException) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.TOO_LARGE, "The request body is too large.",
                    exchange);
        }
        if (cause instanceof DecodingException decoding && decoding.getCause() instanceof JacksonException json) {
            return json instanceof DatabindException databind && !databind.getPath().isEmpty()
                    ? validationProblem(List.of(fieldErrorOf(databind)), exchange)
                    : problem(HttpStatus.BAD_REQUEST, ProblemCodes.UNREADABLE, "The request body is not "
                            + "well-formed JSON.", exchange);
        }
        return super.handleServerWebInputException(ex, headers, status, exchange);
    }

    private static FieldError fieldErrorOf(DatabindException json) {
        return json instanceof UnrecognizedPropertyException
                ? new FieldError(pathOf(json), FieldCodes.UNKNOWN_FIELD, "is not a known field")
                : new FieldError(pathOf(json), FieldCodes.TYPE, "has the wrong type or format");
    }

    private static String pathOf(DatabindException databind) {
        StringBuilder path = new StringBuilder();
        for (var reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private Mono<ResponseEntity<Object>> validationProblem(List<FieldError> errors, ServerWebExchange exchange) {
        ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION,
                "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ": "
                        + String.join(", ", errors.stream().map(FieldError::field).toList()) + ".");
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return respond(problem, HttpStatus.BAD_REQUEST, exchange);
    }

    /**
     * What the base class answers by itself (a missing parameter, a wrong method or media type, an
     * {@code ErrorResponseException}) gets the code of its status too.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey(CODE))) {
            problem.setProperty(CODE, ProblemCodes.forStatus(status));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> problem(HttpStatus status, String code, String detail,
            ServerWebExchange exchange) {
        return respond(detail(status, code, detail), status, exchange);
    }

    private static ProblemDetail detail(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code);
        return problem;
    }

    private Mono<ResponseEntity<Object>> respond(ProblemDetail problem, HttpStatus status,
            ServerWebExchange exchange) {
        problem.setInstance(exchange.getRequest().getURI());
        return Mono.just(ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }
}
