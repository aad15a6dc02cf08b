package org.hotline12345.notification.gateway;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the gateway adapter: the dev outbox unless an SMS provider is configured ({@code http} here, {@code aliyun}
 * in its own package); a provider's calls are guarded by its {@link ProviderResilience}, whose circuit is reported.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "dev-outbox", matchIfMissing = true)
    SmsGateway devSmsOutbox(ReactiveMongoTemplate mongo, Clock clock) {
        return new DevSmsOutbox(mongo, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "http")
    ProviderResilience httpProviderResilience(SmsProviderProperties settings) {
        return new ProviderResilience(settings, ProviderResilience::transportOrServerFault);
    }

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "http")
    HttpSmsGateway httpSmsGateway(WebClient.Builder builder, JsonMapper json, SmsProviderProperties settings,
            ProviderResilience resilience, Clock clock) {
        return new HttpSmsGateway(builder, json, settings, resilience, clock);
    }

    /**
     * Reports the provider's circuit, and publishes its metrics. An open circuit does not take the service down:
     * texts wait and go out after recovery, so the state is a detail for operators, not a reason to restart.
     */
    @Bean
    @ConditionalOnExpression("'${hotline.notification.gateway:dev-outbox}' != 'dev-outbox'")
    HealthIndicator smsProviderHealthIndicator(ProviderResilience resilience, MeterRegistry meters) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(resilience.circuitBreakers()).bindTo(meters);
        return () -> Health.up().withDetail("circuit", resilience.circuitBreaker().getState().name())
                .withDetail("failureRate", resilience.circuitBreaker().getMetrics().getFailureRate()).build();
    }
}
