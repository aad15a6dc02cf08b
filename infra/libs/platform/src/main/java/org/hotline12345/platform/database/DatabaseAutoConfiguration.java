package org.hotline12345.platform.database;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Bounds every database operation by {@code hotline.mongo.operation-timeout} (the driver's client-side operation
 * timeout), so that a stalled MongoDB makes a request answer 503 and a consumer retry, instead of both hanging for
 * as long as the database does.
 */
@AutoConfiguration
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
public class DatabaseAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer hotlineOperationTimeout(HotlineProperties properties) {
        return settings -> settings.timeout(properties.mongo().operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
