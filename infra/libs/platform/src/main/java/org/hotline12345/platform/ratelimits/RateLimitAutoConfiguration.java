package org.hotline12345.platform.ratelimits;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** Rate limits for the public endpoints of any service; the counters are read by key and expire with their window. */
@AutoConfiguration
public class RateLimitAutoConfiguration {

    @Bean
    RateLimits rateLimits(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry meters) {
        return new RateLimits(mongo, clock, meters);
    }

    @Bean
    ClientAddresses clientAddresses(HotlineProperties properties) {
        return new ClientAddresses(properties.http().trustedProxies());
    }

    @Bean
    CollectionIndexes rateLimitIndexes() {
        return CollectionIndexes.of(RateLimits.COLLECTION,
                new Index().on("expiresAt", Direction.ASC).expire(Duration.ZERO).named("expires_at_ttl"));
    }
}
