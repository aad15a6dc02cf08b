package org.hotline12345.notification.gateway;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Chooses the gateway adapter: the dev outbox unless a provider is configured. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    @ConditionalOnProperty(name = "hotline.notification.gateway", havingValue = "dev-outbox", matchIfMissing = true)
    SmsGateway devSmsOutbox(ReactiveMongoTemplate mongo, Clock clock) {
        return new DevSmsOutbox(mongo, clock);
    }
}
