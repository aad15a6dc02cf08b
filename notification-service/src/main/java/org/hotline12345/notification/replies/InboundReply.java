package org.hotline12345.notification.replies;

import java.time.Instant;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's text as the provider delivered it, kept once per provider message id (a redelivered webhook finds it
 * and does nothing), with what it was read as and what it led to. A rating carries its FeedbackReceived in the
 * outbox.
 */
@Document("replies")
public class InboundReply extends OutboxDocument {

    @Id
    private String messageId;
    private String from;
    private String phoneHash;
    private String text;
    private String readAs;
    private String ticketId;
    private String outcome;
    private Instant receivedAt;

    InboundReply() {
    }

    InboundReply(String messageId, String maskedFrom, String phoneHash, String text, String readAs,
            Instant receivedAt) {
        this.messageId = messageId;
        this.from = maskedFrom;
        this.phoneHash = phoneHash;
        this.text = text;
        this.readAs = readAs;
        this.receivedAt = receivedAt;
    }

    void settle(String ticket, String result) {
        this.ticketId = ticket;
        this.outcome = result;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getFrom() {
        return from;
    }

    public String getPhoneHash() {
        return phoneHash;
    }

    public String getText() {
        return text;
    }

    public String getReadAs() {
        return readAs;
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
