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
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider's JSON API: {@code POST /v1/sms} with the account key, a timestamp and an HMAC-SHA256
 * signature of timestamp and body. Each call is bounded by a timeout, the provider's rate limit and a bulkhead;
 * a circuit breaker stops calling a provider that keeps failing; failed calls are retried a few times with
 * exponential back-off and jitter. Texts that still fail wait in MongoDB for the delivery sweep, so no Kafka
 * consumer is held while the provider is down.
 */
public class HttpSmsGateway implements SmsGateway {

    private final WebClient client;
    private final JsonMapper json;
    private final SmsProviderProperties settings;
    private final Clock clock;
    private final CircuitBreakerRegistry circuitBreakers;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;

    public HttpSmsGateway(WebClient.Builder builder, JsonMapper json, SmsProviderProperties settings,
            Clock clock) {
        this.client = builder.baseUrl(settings.baseUrl()).build();
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(settings.failureRate())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(HttpSmsGateway::providerFault)
                .build());
        this.circuitBreaker = circuitBreakers.circuitBreaker("sms-provider");
        this.retry = Retry.of("sms-provider", RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5))
                .retryOnException(HttpSmsGateway::providerFault)
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

    /**
     * Sends the text, at most once as far as the provider can tell: an attempt whose outcome is unknown (it timed
     * out or lost its connection after the request went out, here or in an earlier delivery of the same text) is
     * followed by a look-up of the client reference, and only a text the provider does not have is posted again.
     */
    @Override
    public Mono<String> send(OutgoingText text) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("clientReference", text.notificationId());
        request.put("to", text.e164());
        request.put("text", text.body());
        request.put("language", text.language());
        String body = json.writeValueAsString(request);
        AtomicBoolean uncertain = new AtomicBoolean(text.triedBefore());
        return Mono.defer(() -> uncertain.get()
                        ? taken(text.notificationId()).switchIfEmpty(Mono.defer(() -> post(body)))
                        : post(body))
                .doOnError(HttpSmsGateway::outcomeUnknown, e -> uncertain.set(true))
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(BulkheadOperator.of(bulkhead))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry));
    }

    private Mono<String> post(String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return client.post().uri("/v1/sms")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Api-Key", settings.apiKey())
                .header("X-Timestamp", timestamp)
                .header("X-Signature", HmacSignature.sign(settings.secret(), timestamp + "\n" + body))
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(settings.timeout())
                .map(answer -> answer.path("messageId").asString(""))
                .flatMap(id -> id.isEmpty()
                        ? Mono.error(new IllegalStateException("the provider answered without a messageId"))
                        : Mono.just(id));
    }

    /**
     * The provider's message id for a text it took with this client reference: {@code GET /v1/sms/{reference}},
     * signed like a send (over the path instead of a body); empty when it answers 404.
     */
    private Mono<String> taken(String reference) {
        String path = "/v1/sms/" + reference;
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return client.get().uri("/v1/sms/{reference}", reference)
                .header("X-Api-Key", settings.apiKey())
                .header("X-Timestamp", timestamp)
                .header("X-Signature", HmacSignature.sign(settings.secret(), timestamp + "\n" + path))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(settings.timeout())
                .map(answer -> answer.path("messageId").asString(""))
                .filter(id -> !id.isEmpty())
                .onErrorResume(WebClientResponseException.NotFound.class, notTaken -> Mono.empty());
    }

    /** The request may have reached the provider: it timed out, or the connection failed after it was sent. */
    static boolean outcomeUnknown(Throwable e) {
        return e instanceof TimeoutException || e instanceof WebClientRequestException;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** The registry of the provider's circuit breaker, for its metrics. */
    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }

    /** Faults of the provider or the way to it; a 4xx is our request's fault and is not retried. */
    static boolean providerFault(Throwable e) {
        return e instanceof TimeoutException || e instanceof IOException || e instanceof WebClientRequestException
                || e instanceof WebClientResponseException response && response.getStatusCode().is5xxServerError()
                || e instanceof WebClientResponseException tooMany && tooMany.getStatusCode().value() == 429;
    }
}
