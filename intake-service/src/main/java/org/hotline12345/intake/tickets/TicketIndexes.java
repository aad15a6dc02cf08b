package org.hotline12345.intake.tickets;

import java.time.Duration;
import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind intake's queries: the ticket number, Open311's searches, a caller's settled tickets, a
 * ticket's ratings, and what expires.
 */
@Configuration(proxyBeanMethods = false)
class TicketIndexes {

    @Bean
    CollectionIndexes intakeTicketIndexes() {
        return CollectionIndexes.of("tickets",
                new Index().on("ticketNumber", Direction.ASC).unique().named("ticket_number"),
                // Open311 searches published tickets by period, newest first, and by service code within a period;
                // the published ones lead, so a search never walks the far more numerous unpublished calls
                new Index().on("published", Direction.ASC).on("receivedAt", Direction.DESC)
                        .named("published_received_at"),
                new Index().on("published", Direction.ASC).on("category", Direction.ASC)
                        .on("receivedAt", Direction.DESC).named("published_category_received_at"),
                // the call check's reminder of a caller's recently settled ticket: one number's few, newest first
                new Index().on("phoneHash", Direction.ASC).on("status", Direction.ASC)
                        .on("updatedAt", Direction.DESC).named("phone_settled"));
    }

    /** A ticket's ratings, the one that counted and any refused after it, read together. */
    @Bean
    CollectionIndexes ticketRatingIndexes() {
        return CollectionIndexes.of("ticket_ratings",
                new Index().on("ticketId", Direction.ASC).on("ratedAt", Direction.ASC).named("ticket_rated_at"));
    }

    @Bean
    CollectionIndexes openCallerIndexes() {
        return CollectionIndexes.of(TicketLinks.OpenCaller.COLLECTION,
                new Index().on("expiresAt", Direction.ASC).expire(Duration.ZERO).named("expires_at_ttl"));
    }
}
