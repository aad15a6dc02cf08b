package org.hotline12345.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents attributes of an event as Kafka headers in binary content mode: {@code ce_id},
 * {@code ce_type} ({@code org.hotline12345.<Type>}), {@code ce_source}, {@code ce_time}, {@code ce_subject} (the
 * ticket id), {@code ce_specversion}, and the {@code content-type} of the JSON value.
 */
public final class CloudEventAttributes {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    /** The prefix of {@link #TYPE}. */
    public static final String TYPE_PREFIX = "org.hotline12345.";

    private CloudEventAttributes() {
    }

    /** The headers of one event, in a stable order. */
    public static Map<String, String> headers(String eventId, String type, String source, Instant time,
            String ticketId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, eventId);
        headers.put(TYPE, TYPE_PREFIX + type);
        headers.put(SOURCE, source);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, ticketId);
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }

    public static Map<String, String> headers(HotlineEvent event, String source) {
        return headers(event.eventId(), event.type(), source, event.occurredAt(), event.ticketId());
    }
}
