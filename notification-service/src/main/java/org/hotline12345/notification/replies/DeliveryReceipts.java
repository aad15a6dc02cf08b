package org.hotline12345.notification.replies;

import java.time.Clock;
import java.time.Instant;
import org.hotline12345.notification.delivery.Notification;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Records what the provider says became of a text: delivered to the handset, or not. */
@Service
class DeliveryReceipts {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    DeliveryReceipts(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<String> record(SmsWebhookController.Receipt receipt) {
        Instant at = parse(receipt.at());
        Criteria which = receipt.clientReference() != null
                ? Criteria.where("_id").is(receipt.clientReference())
                : Criteria.where("gatewayMessageId").is(receipt.messageId());
        return mongo.updateFirst(Query.query(which), new Update().set("deliveryStatus", receipt.status())
                        .set("deliveredAt", at).inc("version", 1), Notification.class)
                .map(result -> result.getMatchedCount() == 1 ? "RECORDED" : "UNKNOWN_MESSAGE");
    }

    private Instant parse(String at) {
        try {
            return at == null ? clock.instant() : Instant.parse(at);
        } catch (RuntimeException unreadable) {
            return clock.instant();
        }
    }
}
