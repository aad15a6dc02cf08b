package org.hotline12345.platform.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hotline12345.platform.leases.MongoLease;
import org.hotline12345.platform.messaging.ConsumerBindings;
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
        Map<String, String> originOf = new HashMap<>();
        Map<String, String> retryOf = new HashMap<>();
        for (ConsumerBindings.Binding binding : ConsumerBindings.of(bindings, environment)) {
            if (binding.deadLetterTopic() == null) {
                continue;
            }
            if (binding.retryTopic() == null || binding.topics().size() != 1) {
                // a replay must not write to a topic another service owns: it needs a retry topic of its own
                throw new IllegalStateException("Binding " + binding.name() + " dead-letters to "
                        + binding.deadLetterTopic() + " but its destination names not one topic and its retry topic "
                        + "(<topic>.<service>" + ConsumerBindings.RETRY_SUFFIX + ") to replay to: "
                        + binding.reads());
            }
            originOf.put(binding.deadLetterTopic(), binding.topics().get(0));
            retryOf.put(binding.deadLetterTopic(), binding.retryTopic());
        }
        String service = environment.getProperty("spring.application.name", "hotline");
        // a replay of a few thousand records takes seconds; the term only matters if a replaying instance dies
        return new DeadLetters(records, originOf, retryOf, service + "-dead-letter-replay",
                new MongoLease(mongo, clock, "dead-letter-replay", Duration.ofMinutes(10)));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
