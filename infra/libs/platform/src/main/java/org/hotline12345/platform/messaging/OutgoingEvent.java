package org.hotline12345.platform.messaging;

import java.time.Instant;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.Topics;

/** An event ready to publish: where it goes, under which key, and the exact JSON; what an outbox keeps. */
public record OutgoingEvent(String eventId, String topic, String key, String type, String payload,
        Instant occurredAt) {

    public static OutgoingEvent of(HotlineEvent event) {
        return new OutgoingEvent(event.eventId(), Topics.topicOf(event), event.ticketId(), event.type(),
                EventCodec.writeString(event), event.occurredAt());
    }
}
