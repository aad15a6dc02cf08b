package org.hotline12345.platform.database;

import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import java.util.concurrent.TimeUnit;
import org.hotline12345.platform.HotlineProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The services' MongoDB client: every database operation bounded by {@code hotline.mongo.operation-timeout} (the
 * driver's client-side operation timeout), so that a stalled MongoDB makes a request answer 503 and a consumer retry,
 * instead of both hanging for as long as the database does; and the driver's own asynchronous transport.
 * <p>
 * With Netty on the class path Spring Boot gives the reactive driver a Netty transport, whose pooled direct buffers
 * the driver fills one byte at a time through reference-counted wrappers: under load that encoding was a third of
 * notification's and analytics' CPU (see {@code BENCHMARKS.md}). The driver's asynchronous socket channels encode
 * into heap buffers, a string at a time, and support TLS as well. Spring Boot's Netty customizer runs first (it is
 * ordered first), so this one, ordered after it, decides.
 */
@AutoConfiguration
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
public class DatabaseAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer hotlineDriverTransport() {
        return settings -> settings.transportSettings(TransportSettings.asyncBuilder().build());
    }

    @Bean
    MongoClientSettingsBuilderCustomizer hotlineOperationTimeout(HotlineProperties properties) {
        return settings -> settings.timeout(properties.mongo().operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
