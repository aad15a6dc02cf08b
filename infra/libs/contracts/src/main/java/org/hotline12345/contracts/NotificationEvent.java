package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The events notification publishes on {@link Topics#NOTIFICATION_MESSAGES} about the texts it sends. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NotificationSent.class, name = "NotificationSent"),
        @JsonSubTypes.Type(value = NotificationFailed.class, name = "NotificationFailed")})
public sealed interface NotificationEvent extends HotlineEvent permits NotificationSent, NotificationFailed {

    /** The lifecycle event type that caused the text, e.g. {@code TicketAssigned}. */
    String trigger();
}
