package org.hotline12345.intake.channels;

import java.time.Duration;
import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/** Rate-limit counters are read by key and expire when their window ends. */
@Configuration(proxyBeanMethods = false)
class ChannelIndexes {

    @Bean
    CollectionIndexes rateLimitIndexes() {
        return CollectionIndexes.of(RateLimits.COLLECTION,
                new Index().on("expiresAt", Direction.ASC).expire(Duration.ZERO).named("expires_at_ttl"));
    }
}
