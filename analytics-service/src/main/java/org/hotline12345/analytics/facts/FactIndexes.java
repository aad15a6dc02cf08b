package org.hotline12345.analytics.facts;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Facts are read by receipt day (every question over a period, and a day's recount) and, for the overdue gauge, by
 * the accept and resolve deadlines of the tickets still open; rollups and changed days only by key.
 */
@Configuration(proxyBeanMethods = false)
class FactIndexes {

    @Bean
    CollectionIndexes factCollectionIndexes() {
        return CollectionIndexes.of(FactRecorder.COLLECTION,
                new Index().on(Fact.Fields.RECEIVED_DAY, Direction.ASC).named("received_day"),
                new Index().on(Fact.Fields.OPEN_RESOLVE_BY, Direction.ASC).sparse().named("open_resolve_by"),
                new Index().on(Fact.Fields.OPEN_ACCEPT_BY, Direction.ASC).sparse().named("open_accept_by"));
    }
}
