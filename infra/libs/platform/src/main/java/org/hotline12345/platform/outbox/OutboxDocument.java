package org.hotline12345.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.platform.messaging.OutgoingEvent;

/**
 * Base of a MongoDB document that carries its own pending events. Staging an event and saving the document is one
 * atomic single-document write; {@link OutboxRelay} publishes and clears them afterwards.
 */
public abstract class OutboxDocument {

    /** Field names the relay and the sweep read and write. */
    public static final String OUTBOX = "outbox";
    public static final String OUTBOX_SINCE = "outboxSince";
    public static final String OUTBOX_LEASE = "outboxLease";
    /** Who claimed the lease: a sweep claims many documents in one write and then reads back the ones it won. */
    public static final String OUTBOX_LEASE_HOLDER = "outboxLeaseHolder";

    private List<OutgoingEvent> outbox = new ArrayList<>();
    private Instant outboxSince;
    private Instant outboxLease;
    private String outboxLeaseHolder;

    /** Adds an event to publish once this document is saved. */
    public void stage(HotlineEvent event) {
        if (outbox.isEmpty()) {
            outboxSince = event.occurredAt();
        }
        outbox.add(OutgoingEvent.of(event));
    }

    public List<OutgoingEvent> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutgoingEvent> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    public Instant getOutboxSince() {
        return outboxSince;
    }

    public void setOutboxSince(Instant outboxSince) {
        this.outboxSince = outboxSince;
    }

    public Instant getOutboxLease() {
        return outboxLease;
    }

    public void setOutboxLease(Instant outboxLease) {
        this.outboxLease = outboxLease;
    }

    public String getOutboxLeaseHolder() {
        return outboxLeaseHolder;
    }

    public void setOutboxLeaseHolder(String outboxLeaseHolder) {
        this.outboxLeaseHolder = outboxLeaseHolder;
    }
}
