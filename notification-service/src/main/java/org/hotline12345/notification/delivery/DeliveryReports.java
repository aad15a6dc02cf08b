package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the provider reports became of a text, written to the text. A report may come before the sender recorded
 * the text as sent (the provider answered the send and the handset at once), so it is a write of its own two fields
 * that no sender's write touches, and it moves the text's version so that a sender holding an older copy saves
 * nothing over it.
 */
@Service
public class DeliveryReports {

    private final ReactiveMongoTemplate mongo;

    DeliveryReports(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records {@code state} at {@code at} on the text our {@code clientReference} (its id) names, or else the one
     * the provider's {@code messageId} names; completes with whether there was such a text.
     */
    public Mono<Boolean> record(String clientReference, String messageId, String state, Instant at) {
        Criteria which = clientReference != null ? Criteria.where("_id").is(clientReference)
                : Criteria.where("gatewayMessageId").is(messageId);
        return mongo.updateFirst(Query.query(which), new Update().set("deliveryStatus", state).set("deliveredAt", at)
                        .inc("version", 1), Notification.class)
                .map(result -> result.getMatchedCount() == 1);
    }
}
