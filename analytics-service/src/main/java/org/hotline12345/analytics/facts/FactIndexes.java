package org.hotline12345.analytics.facts;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Facts are read by id (a batch of events reads its tickets' facts at once), by receipt day (every question over a
 * period, and a day's recount), for the overdue gauge by the accept and resolve deadlines of the tickets still
 * open, for the knowledge base's gaps by the day of the questions not answered on the call, and for the rollup
 * refresh by whether a change is pending for the rollups: that sparse index holds only the facts changed since the
 * last pass, so the refresh reads those and no others. Rollups, changed days and the rollup journal are read only
 * by key.
 */
@Configuration(proxyBeanMethods = false)
class FactIndexes {

    @Bean
    CollectionIndexes factCollectionIndexes() {
        return CollectionIndexes.of(FactRecorder.COLLECTION,
                new Index().on(Fact.Fields.RECEIVED_DAY, Direction.ASC).named("received_day"),
                new Index().on(Fact.Fields.OPEN_RESOLVE_BY, Direction.ASC).sparse().named("open_resolve_by"),
                new Index().on(Fact.Fields.OPEN_ACCEPT_BY, Direction.ASC).sparse().named("open_accept_by"),
                new Index().on(Fact.Fields.PENDING, Direction.ASC).sparse().named("pending"),
                new Index().on(Fact.Fields.QUESTION_DAY, Direction.ASC).sparse().named("question_day"));
    }
}
