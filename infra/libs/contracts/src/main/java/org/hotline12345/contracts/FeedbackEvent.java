package org.hotline12345.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The events notification publishes on {@link Topics#NOTIFICATION_FEEDBACK} when a citizen answers. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = FeedbackReceived.class, name = "FeedbackReceived")})
public sealed interface FeedbackEvent extends HotlineEvent permits FeedbackReceived {
}
