package org.hotline12345.intake.knowledge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.hotline12345.referencedata.City;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * One search index per instance, built from the store at start and kept up to it, and the gauge of the articles
 * about to leave it.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    /** The days ahead {@code hotline_knowledge_articles_expiring} looks: the alert's two weeks' notice. */
    static final int EXPIRING_DAYS = 14;

    @Bean
    KnowledgeSearch knowledgeSearch(City city, Clock clock, MeterRegistry meters) {
        KnowledgeSearch search = new KnowledgeSearch(city, clock);
        // read from this instance's index when scraped: every instance holds every live article, so each reports
        // the same number
        Gauge.builder("hotline.knowledge.articles.expiring", search, s -> s.expiringWithin(EXPIRING_DAYS))
                .description("Published articles whose last valid day is within " + EXPIRING_DAYS + " days")
                .register(meters);
        return search;
    }

    @Bean
    KnowledgeIndexRefresh knowledgeIndexRefresh(ReactiveMongoTemplate mongo, KnowledgeSearch search, City city,
            Clock clock, KnowledgeSettings settings) {
        return new KnowledgeIndexRefresh(mongo, search, new KnowledgeSeeding(mongo, city, clock), clock,
                settings.refreshInterval());
    }
}
