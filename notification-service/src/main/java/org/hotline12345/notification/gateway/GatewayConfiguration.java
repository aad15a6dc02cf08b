package org.hotline12345.notification.gateway;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Chooses the gateway adapter: the dev outbox unless the SMS provider is configured. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "dev-outbox", matchIfMissing = true)
    SmsGateway devSmsOutbox(ReactiveMongoTemplate mongo, Clock clock) {
        return new DevSmsOutbox(mongo, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "http")
    HttpSmsGateway httpSmsGateway(WebClient.Builder builder, JsonMapper json, SmsProviderProperties settings,
            Clock clock, MeterRegistry meters) {
        HttpSmsGateway gateway = new HttpSmsGateway(builder, json, settings, clock);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(gateway.circuitBreakers()).bindTo(meters);
        return gateway;
    }

    /**
     * Reports the provider's circuit. An open circuit does not take the service down: texts wait and go out after
     * recovery, so the state is a detail for operators, not a reason to restart.
     */
    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "http")
    HealthIndicator smsProviderHealthIndicator(HttpSmsGateway gateway) {
        return () -> Health.up().withDetail("circuit", gateway.circuitBreaker().getState().name())
                .withDetail("failureRate", gateway.circuitBreaker().getMetrics().getFailureRate()).build();
    }
}
