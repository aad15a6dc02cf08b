package org.hotline12345.notification.delivery;

import java.time.Instant;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.NotificationSent;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One text for one event of one ticket. Its id is made from the ticket and the triggering event, so the same event
 * delivered twice finds the notification that exists and never makes a second text.
 */
@Document("notifications")
public class Notification extends OutboxDocument {

    @Id
    private String id;
    @Indexed
    private String ticketId;
    private String trigger;
    private String triggerEventId;
    private String status;
    private String templateId;
    private String language;
    private String text;
    private int segments;
    private int attempts;
    private String maskedPhone;
    private String gatewayMessageId;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    @Version
    private Long version;

    Notification() {
    }

    static String idFor(String ticketId, String triggerEventId) {
        return ticketId + ":" + triggerEventId;
    }

    static Notification pending(String ticketId, String trigger, String triggerEventId, String templateId,
            String language, String text, int segments, String maskedPhone, Instant now) {
        Notification n = new Notification();
        n.id = idFor(ticketId, triggerEventId);
        n.ticketId = ticketId;
        n.trigger = trigger;
        n.triggerEventId = triggerEventId;
        n.status = "PENDING";
        n.templateId = templateId;
        n.language = language;
        n.text = text;
        n.segments = segments;
        n.maskedPhone = maskedPhone;
        n.createdAt = now;
        return n;
    }

    /** A text the citizen asked not to get, or cannot get: recorded, never sent. */
    static Notification suppressed(String ticketId, String trigger, String triggerEventId, Instant now) {
        Notification n = new Notification();
        n.id = idFor(ticketId, triggerEventId);
        n.ticketId = ticketId;
        n.trigger = trigger;
        n.triggerEventId = triggerEventId;
        n.status = "SUPPRESSED";
        n.createdAt = now;
        return n;
    }

    void attempted() {
        attempts++;
    }

    void failed(String error) {
        lastError = error;
    }

    void sent(String messageId, Instant now) {
        status = "SENT";
        gatewayMessageId = messageId;
        sentAt = now;
        lastError = null;
        stage(new NotificationSent(EventIds.of(ticketId, "NotificationSent", triggerEventId), now, ticketId, id,
                trigger, templateId, language, segments, messageId));
    }

    boolean isPending() {
        return "PENDING".equals(status);
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

    public String getStatus() {
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
}
