package org.hotline12345.platform.indexes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.outbox.OutboxTypes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Creates the indexes every service declares, adds the one each outbox collection needs for its sweep, and
 * expires TTL-indexed documents where the server does not.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class IndexAutoConfiguration {

    /** The name of the index that serves the outbox sweep; {@code outboxSince} is set only while events wait. */
    public static final String OUTBOX_INDEX = "outbox_pending";

    /** Every index of the service: those it declares and those its outbox collections need. */
    record AllIndexes(List<CollectionIndexes> collections) {
    }

    @Bean
    AllIndexes allIndexes(ReactiveMongoTemplate mongo, ObjectProvider<CollectionIndexes> declared,
            ObjectProvider<OutboxTypes> outboxes) {
        List<CollectionIndexes> all = new ArrayList<>(declared.orderedStream().toList());
        outboxes.orderedStream().flatMap(types -> types.types().stream()).distinct()
                .map(type -> CollectionIndexes.of(mongo.getCollectionName(type), new Index()
                        .on(OutboxDocument.OUTBOX_SINCE, Sort.Direction.ASC).sparse().named(OUTBOX_INDEX)))
                .forEach(all::add);
        return new AllIndexes(List.copyOf(all));
    }

    @Bean
    IndexCreator indexCreator(ReactiveMongoTemplate mongo, AllIndexes all) {
        return new IndexCreator(mongo, all.collections());
    }

    @Bean
    ExpirySweeper expirySweeper(ReactiveMongoTemplate mongo, AllIndexes all, HotlineProperties properties,
            Clock clock) {
        return new ExpirySweeper(mongo, all.collections(), properties.mongo().expiryInterval(), clock);
    }
}
