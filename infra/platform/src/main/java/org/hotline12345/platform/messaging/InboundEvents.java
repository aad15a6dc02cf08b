package org.hotline12345.platform.messaging;

import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.HotlineEvent;
import org.springframework.messaging.Message;

/**
 * Reads an event from a consumed record. A record that is not an event of the stream throws, so the binder retries
 * it and then dead-letters it rather than dropping it.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    public static <T extends HotlineEvent> T decode(Message<byte[]> message, Class<T> stream) {
        return EventCodec.read(message.getPayload(), stream);
    }
}
