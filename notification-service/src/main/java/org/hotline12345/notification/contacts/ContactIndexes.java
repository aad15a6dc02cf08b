package org.hotline12345.notification.contacts;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/** The indexes behind the contacts' queries: a citizen's contact awaiting a reply, an incident's callers, a code. */
@Configuration(proxyBeanMethods = false)
class ContactIndexes {

    @Bean
    CollectionIndexes citizenContactIndexes() {
        return CollectionIndexes.of(CitizenContacts.COLLECTION,
                new Index().on("phoneHash", Direction.ASC).on("awaitingFeedbackSince", Direction.DESC)
                        .named("phone_awaiting_feedback"),
                new Index().on("parentIncidentId", Direction.ASC).sparse().named("parent_incident"),
                // a citizen entering the one-time code names the ticket by its number
                new Index().on("ticketNumber", Direction.ASC).named("ticket_number"));
    }
}
