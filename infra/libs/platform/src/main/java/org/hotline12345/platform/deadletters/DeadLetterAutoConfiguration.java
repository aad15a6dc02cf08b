package org.hotline12345.platform.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline12345.platform.leases.MongoLease;
import org.hotline12345.platform.messaging.MessagingAutoConfiguration;
import org.hotline12345.platform.messaging.RawRecords;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The dead letters of the consumer bindings that dead-letter, and the administrators' API over them. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean(RawRecords.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetters deadLetters(RawRecords records, BindingServiceProperties bindings, ReactiveMongoTemplate mongo,
            Clock clock, Environment environment) {
        // the Kafka binder's own binding properties live in the binder's context, so they are read as settings
        boolean dlqByDefault = environment.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq",
                Boolean.class, false);
        Map<String, String> originOf = new HashMap<>();
        bindings.getBindings().forEach((name, binding) -> {
            String prefix = "spring.cloud.stream.kafka.bindings." + name + ".consumer.";
            if (binding.getGroup() != null && binding.getDestination() != null
                    && environment.getProperty(prefix + "enable-dlq", Boolean.class, dlqByDefault)) {
                originOf.put(environment.getProperty(prefix + "dlq-name",
                        "error." + binding.getDestination() + "." + binding.getGroup()), binding.getDestination());
            }
        });
        String service = environment.getProperty("spring.application.name", "hotline");
        // a replay of a few thousand records takes seconds; the term only matters if a replaying instance dies
        return new DeadLetters(records, originOf, service + "-dead-letter-replay",
                new MongoLease(mongo, clock, "dead-letter-replay", Duration.ofMinutes(10)));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
