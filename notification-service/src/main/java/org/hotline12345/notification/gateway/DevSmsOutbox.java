package org.hotline12345.notification.gateway;

import com.mongodb.bulk.BulkWriteError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hotline12345.platform.database.Grouped;
import org.hotline12345.platform.database.Grouped.Member;
import org.hotline12345.platform.database.InsertEach;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import reactor.core.publisher.Mono;

/**
 * The gateway of the embedded run: records each text in the {@code sms_outbox} collection instead of sending it,
 * with the number masked, for developers and demos to read. Keyed by notification id, so a retried send is
 * recorded once, as a real provider would deliver it once.
 */
public class DevSmsOutbox implements SmsGateway {

    /** Texts in one insert at most, well inside a command's limits. */
    private static final int MOST_PER_INSERT = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    /** The texts of a batch are sent at once: they are recorded with one insert, as a provider's batch call would. */
    private final Grouped<OutboxText, String> inserts = new Grouped<>(MOST_PER_INSERT, this::record);

    public DevSmsOutbox(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<String> send(OutgoingText text) {
        return inserts.ask(new OutboxText(text.notificationId(), "dev-" + text.notificationId(), text.ticketId(),
                text.maskedPhone(), text.body(), text.language(), text.segments(), clock.instant()));
    }

    private Mono<Void> record(List<Member<OutboxText, String>> group) {
        List<org.bson.Document> documents = group.stream().map(member -> {
            org.bson.Document document = new org.bson.Document();
            mongo.getConverter().write(member.question(), document);
            return document;
        }).toList();
        return InsertEach.insert(mongo, mongo.getCollectionName(OutboxText.class), documents).doOnNext(refused -> {
            for (int i = 0; i < group.size(); i++) {
                Member<OutboxText, String> member = group.get(i);
                BulkWriteError refusal = refused.get(i);
                if (refusal == null || InsertEach.duplicate(refusal)) {
                    // a retried send of a text recorded before is the same delivery
                    member.answer(member.question().messageId());
                } else {
                    member.fail(new IllegalStateException("The dev outbox did not record the text: "
                            + refusal.getMessage()));
                }
            }
        }).then();
    }

    /** A text as the dev outbox keeps it. */
    @Document("sms_outbox")
    public record OutboxText(@Id String notificationId, String messageId, String ticketId, String to, String text,
            String language, int segments, Instant sentAt) {
    }
}
