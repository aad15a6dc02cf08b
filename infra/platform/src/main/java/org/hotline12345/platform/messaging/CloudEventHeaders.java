package org.hotline12345.platform.messaging;

/** The CloudEvents attributes of a record, as Kafka headers in binary content mode. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** The prefix of {@link #TYPE}: {@code org.hotline12345.TicketAssigned}. */
    public static final String TYPE_PREFIX = "org.hotline12345.";

    private CloudEventHeaders() {
    }
}
