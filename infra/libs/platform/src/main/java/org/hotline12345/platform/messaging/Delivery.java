package org.hotline12345.platform.messaging;

/** What became of events published in one Kafka transaction. */
public enum Delivery {

    /** The transaction committed: every consumer sees the events. */
    COMMITTED,

    /** The transaction never committed: no consumer reading committed records will ever see the events. */
    ABORTED,

    /**
     * The commit was sent but its answer did not arrive (the broker went away, the bound passed): the events may or
     * may not be visible. The caller must keep them pending, so that they are published again and consumers drop
     * the duplicate by event id.
     */
    UNKNOWN
}
