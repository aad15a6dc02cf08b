package org.hotline12345.platform.messaging;

import java.util.function.Consumer;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.HotlineEvent;
import tools.jackson.core.JacksonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Reads events at the consumer edge. A record that is not JSON of the stream throws {@link UnreadableEventException},
 * so it is dead-lettered at once rather than dropped or retried; an event of a type this service does not know yet
 * (a newer producer) is skipped.
 */
public final class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private InboundEvents() {
    }

    /** Hands the event in the message to {@code handler}, unless it is of a type this service does not know. */
    public static <T extends HotlineEvent> void dispatch(Message<byte[]> message, Class<T> stream,
            Consumer<? super T> handler) {
        T event;
        try {
            event = EventCodec.read(message.getPayload(), stream);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Not an event of " + stream.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (event == null) {
            log.debug("Skipping an event of a type this service does not know: {}", message.getHeaders()
                    .get("ce_type"));
            return;
        }
        handler.accept(event);
    }
}
