package org.hotline12345.notification.gateway;

import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
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

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public DevSmsOutbox(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Mono<String> send(OutgoingText text) {
        String messageId = "dev-" + text.notificationId();
        OutboxText record = new OutboxText(text.notificationId(), messageId, text.ticketId(), text.maskedPhone(),
                text.body(), text.language(), text.segments(), clock.instant());
        return mongo.insert(record)
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.just(record))
                .thenReturn(messageId);
    }

    /** A text as the dev outbox keeps it. */
    @Document("sms_outbox")
    public record OutboxText(@Id String notificationId, String messageId, String ticketId, String to, String text,
            String language, int segments, Instant sentAt) {
    }
}
