package org.hotline12345.platform.outbox;

import java.time.Instant;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.Topics;

/** One pending event inside a document: where it goes, under which key, and the exact JSON to publish. */
public record OutboxEntry(String eventId, String topic, String key, String type, String payload,
        Instant occurredAt) {

    public static OutboxEntry of(HotlineEvent event) {
        return new OutboxEntry(event.eventId(), Topics.topicOf(event), event.ticketId(), event.type(),
                EventCodec.writeString(event), event.occurredAt());
    }
}
