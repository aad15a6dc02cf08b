package org.hotline12345.notification.gateway;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * What stands between the hub and an SMS provider, whichever its API: each call bounded by the provider's rate
 * limit and a bulkhead, a circuit breaker that stops calling a provider that keeps failing, and a few retries with
 * exponential back-off and jitter for the provider's own faults. Texts that still fail wait in MongoDB for the
 * delivery sweep, so no Kafka consumer is held while the provider is down.
 */
public final class ProviderResilience {

    private final CircuitBreakerRegistry circuitBreakers;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    /** {@code providerFault}: the failures that are the provider's (retried, counted by the circuit). */
    public ProviderResilience(SmsProviderProperties settings, Predicate<Throwable> providerFault) {
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(settings.failureRate())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(providerFault)
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker("sms-provider");
        this.retry = Retry.of("sms-provider", RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5))
                .retryOnException(providerFault)
                .build());
        this.rateLimiter = RateLimiter.of("sms-provider", RateLimiterConfig.custom()
                .limitForPeriod(settings.ratePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofSeconds(5))
                .build());
        this.bulkhead = Bulkhead.of("sms-provider", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrent())
                // a full bulkhead refuses at once: waiting for a permit would park the event loop; the text
                // waits for the delivery sweep instead
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /** The call, each subscription of it limited, guarded by the circuit, and retried on the provider's faults. */
    public <T> Mono<T> guard(Mono<T> call) {
        return call
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry));
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** The registry of the provider's circuit breaker, for its metrics. */
    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }

    /**
     * The request may have reached the provider: it timed out, or the connection failed after it was sent (while
     * sending it, or while reading the answer, which an I/O error such as a premature close is).
     */
    public static boolean outcomeUnknown(Throwable e) {
        return e instanceof TimeoutException || e instanceof WebClientRequestException || e instanceof IOException;
    }

    /** Faults of the provider or the way to it; a 4xx is our request's fault and is not retried. */
    public static boolean transportOrServerFault(Throwable e) {
        return e instanceof TimeoutException || e instanceof IOException || e instanceof WebClientRequestException
                || e instanceof WebClientResponseException response && response.getStatusCode().is5xxServerError()
                || e instanceof WebClientResponseException tooMany && tooMany.getStatusCode().value() == 429;
    }
}
