package org.hotline12345.routing.caller;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/** The index behind a ticket's reveals, newest first. */
@Configuration(proxyBeanMethods = false)
class CallerRevealIndexes {

    @Bean
    CollectionIndexes revealIndexes() {
        return CollectionIndexes.of("caller_reveals",
                new Index().on("ticketId", Direction.ASC).on("at", Direction.DESC).named("ticket_at"));
    }
}
