package org.hotline12345.platform.production;

import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.messaging.ConsumerBindings;
import org.hotline12345.platform.messaging.MessagingAutoConfiguration;
import org.hotline12345.platform.messaging.RawRecords;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The service's grants on the broker, and in production mode their check once every bean is made, before the
 * consumers and the outbox relay start: a service whose broker user may do more than the README documents, or
 * whose broker has no authorizer, does not start.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean(RawRecords.class)
public class BrokerGrantsAutoConfiguration {

    @Bean
    BrokerGrants brokerGrants(KafkaAdmin admin, BindingServiceProperties bindings, Environment environment,
            HotlineProperties properties) {
        return new BrokerGrants(admin.getConfigurationProperties(), service(environment),
                MessagingAutoConfiguration.transactionalIdPrefix(properties),
                ConsumerBindings.of(bindings, environment));
    }

    @Bean
    @ConditionalOnProperty(name = "hotline.production", havingValue = "true")
    SmartInitializingSingleton brokerGrantsCheck(BrokerGrants grants, Environment environment) {
        return () -> grants.verify(service(environment));
    }

    private static String service(Environment environment) {
        return environment.getProperty("spring.application.name", "hotline");
    }
}
