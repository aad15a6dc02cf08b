package org.hotline12345.intake.knowledge;

import java.time.Clock;
import org.hotline12345.referencedata.City;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** One search index per instance, built from the store at start and kept up to it. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    KnowledgeSearch knowledgeSearch(City city, Clock clock) {
        return new KnowledgeSearch(city, clock);
    }

    @Bean
    KnowledgeIndexRefresh knowledgeIndexRefresh(ReactiveMongoTemplate mongo, KnowledgeSearch search, City city,
            Clock clock, KnowledgeSettings settings) {
        return new KnowledgeIndexRefresh(mongo, search, new KnowledgeSeeding(mongo, city, clock), clock,
                settings.refreshInterval());
    }
}
