package org.hotline12345.embedded.indexaudit;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** In a service under test, reports every command its MongoDB client sends to the {@link QueryLog}. */
@AutoConfiguration
@ConditionalOnClass({MongoClientSettings.class, MongoClientSettingsBuilderCustomizer.class})
public class IndexAuditAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer queryLogListener() {
        return settings -> settings.addCommandListener(QueryLog.INSTANCE);
    }
}
