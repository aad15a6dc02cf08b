package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.NotificationFailed;
import org.hotline12345.contracts.NotificationSent;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One text for one event of one ticket. Its id is made from the ticket and the triggering event, so the same event
 * delivered twice finds the notification that exists and never makes a second text.
 */
@Document("notifications")
public class Notification extends OutboxDocument {

    /**
     * Where a text stands. It is made PENDING, or SUPPRESSED when it must never go out; from PENDING it is sent,
     * fails for good after its last attempt, or is suppressed when the citizen opts out first. The other three are
     * final: a text once sent is never failed or suppressed, nor sent again.
     */
    public enum Status {
        PENDING, SENT, FAILED, SUPPRESSED;

        boolean canBecome(Status next) {
            return this == PENDING && next != PENDING;
        }
    }

    @Id
    private String id;
    private String ticketId;
    private String trigger;
    private String triggerEventId;
    private Status status;
    private String templateId;
    private String language;
    private String text;
    private int segments;
    /** The template's variables as filled in: what a provider that sends approved templates is given. */
    private java.util.Map<String, String> values;
    private int attempts;
    /** How often a sender claimed this text; above one, an earlier sender may have sent it and died unrecorded. */
    private int claims;
    private String maskedPhone;
    private String gatewayMessageId;
    private String lastError;
    private String suppressedBecause;
    private String deliveryStatus;
    private Instant createdAt;
    private Instant notBefore;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
    /** Which claim holds the lease: a sender writes what became of a text only while the text is still its own. */
    private String leaseHolder;
    private Instant sentAt;
    private Instant deliveredAt;
    @Version
    private Long version;

    Notification() {
    }

    static String idFor(String ticketId, String triggerEventId) {
        return ticketId + ":" + triggerEventId;
    }

    static Notification pending(String ticketId, String trigger, String triggerEventId, String templateId,
            String language, String text, int segments, java.util.Map<String, String> values, String maskedPhone,
            Instant now, Instant notBefore) {
        Notification n = new Notification();
        n.id = idFor(ticketId, triggerEventId);
        n.ticketId = ticketId;
        n.trigger = trigger;
        n.triggerEventId = triggerEventId;
        n.status = Status.PENDING;
        n.templateId = templateId;
        n.language = language;
        n.text = text;
        n.segments = segments;
        n.values = values;
        n.maskedPhone = maskedPhone;
        n.createdAt = now;
        n.notBefore = notBefore;
        n.nextAttemptAt = notBefore;
        // a bulk insert leaves the version to the document, where the template's insert would have set it
        n.version = 0L;
        return n;
    }

    /**
     * The text is made already claimed by the sender that made it, {@code holder}, until {@code until}: it is sent
     * without another round trip to claim it, and no sweep or other instance takes it while that sender holds it.
     */
    Notification heldBy(String holder, Instant until) {
        leaseHolder = holder;
        leaseUntil = until;
        claims = 1;
        return this;
    }

    /** A text the citizen asked not to get, or cannot get: recorded, never sent. */
    static Notification suppressed(String ticketId, String trigger, String triggerEventId, String because,
            Instant now) {
        Notification n = new Notification();
        n.id = idFor(ticketId, triggerEventId);
        n.ticketId = ticketId;
        n.trigger = trigger;
        n.triggerEventId = triggerEventId;
        n.status = Status.SUPPRESSED;
        n.suppressedBecause = because;
        n.createdAt = now;
        n.version = 0L;
        return n;
    }

    /** The citizen opted out after the text was made: it is never sent. */
    void suppress(String because) {
        become(Status.SUPPRESSED);
        suppressedBecause = because;
        release();
    }

    /** Counts one more claim of this text, as the claim's own write counts it in the database. */
    void claimedAgain() {
        claims++;
    }

    /** The provider will never take this text: it fails now, whatever attempts it had left. */
    void refused(String error, Instant now) {
        attemptFailed(error, now, java.time.Duration.ZERO, attempts + 1);
    }

    /**
     * An attempt failed: the text waits {@code retryIn} for the next one, or, after the last attempt, fails for
     * good and says so with NotificationFailed.
     */
    void attemptFailed(String error, Instant now, java.time.Duration retryIn, int maxAttempts) {
        attempts++;
        lastError = error;
        release();
        if (attempts >= maxAttempts) {
            become(Status.FAILED);
            stage(new NotificationFailed(EventIds.of(ticketId, "NotificationFailed", triggerEventId), now, ticketId,
                    id, trigger, attempts, error));
        } else {
            nextAttemptAt = now.plus(retryIn);
        }
    }

    void sent(String messageId, Instant now) {
        become(Status.SENT);
        attempts++;
        release();
        gatewayMessageId = messageId;
        sentAt = now;
        lastError = null;
        stage(new NotificationSent(EventIds.of(ticketId, "NotificationSent", triggerEventId), now, ticketId, id,
                trigger, templateId, language, segments, messageId));
    }

    private void become(Status next) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("text " + id + " is " + status + " and cannot become " + next);
        }
        status = next;
    }

    private void release() {
        leaseUntil = null;
        leaseHolder = null;
    }

    public String getId() {
        return id;
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getTrigger() {
        return trigger;
    }

    public Status getStatus() {
        return status;
    }

    public String getTemplateId() {
        return templateId;
    }

    public String getLanguage() {
        return language;
    }

    public String getText() {
        return text;
    }

    public int getSegments() {
        return segments;
    }

    public java.util.Map<String, String> getValues() {
        return values;
    }

    public int getClaims() {
        return claims;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getMaskedPhone() {
        return maskedPhone;
    }

    public String getGatewayMessageId() {
        return gatewayMessageId;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getLeaseUntil() {
        return leaseUntil;
    }

    String getLeaseHolder() {
        return leaseHolder;
    }

    public String getSuppressedBecause() {
        return suppressedBecause;
    }

    public String getDeliveryStatus() {
        return deliveryStatus;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getTriggerEventId() {
        return triggerEventId;
    }
}
