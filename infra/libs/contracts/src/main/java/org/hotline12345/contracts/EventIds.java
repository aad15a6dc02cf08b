package org.hotline12345.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic event ids: the same fact emitted twice by a retry gets the same id, so consumers drop the second.
 */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID of the ticket, the event type and a sequence that tells facts of one type apart. */
    public static String of(String ticketId, String eventType, Object sequence) {
        String name = ticketId + '|' + eventType + '|' + sequence;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
