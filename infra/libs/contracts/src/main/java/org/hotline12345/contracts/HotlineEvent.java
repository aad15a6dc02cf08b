package org.hotline12345.contracts;

import java.time.Instant;

/**
 * What every event of the hub carries. The {@link #eventId()} is deterministic where a retry may emit the same
 * fact twice, so consumers drop duplicates by it; {@link #ticketId()} is the record key.
 */
public sealed interface HotlineEvent permits IntakeEvent, TicketLifecycleEvent, NotificationEvent, FeedbackEvent {

    String eventId();

    Instant occurredAt();

    String ticketId();

    /** The CloudEvents type of this event, also its JSON {@code type} discriminator ({@link EventTypes}). */
    default String type() {
        return EventTypes.nameOf(getClass());
    }
}
