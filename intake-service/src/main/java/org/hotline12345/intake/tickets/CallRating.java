package org.hotline12345.intake.tickets;

import java.time.Instant;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's rating of how their call was taken (受理), given on the follow page: one per ticket, stored under the
 * ticket's id, so that the insert is the guard whoever races, and carrying its CallRated in the outbox.
 */
@Document(CallRating.COLLECTION)
public class CallRating extends OutboxDocument {

    static final String COLLECTION = "call_ratings";

    @Id
    private String id;
    private String satisfaction;
    private String comment;
    private Instant ratedAt;

    CallRating() {
    }

    CallRating(String ticketId, String satisfaction, String comment, Instant ratedAt) {
        this.id = ticketId;
        this.satisfaction = satisfaction;
        this.comment = comment;
        this.ratedAt = ratedAt;
    }

    /** The ticket whose call was rated. */
    public String getId() {
        return id;
    }

    public String getSatisfaction() {
        return satisfaction;
    }

    public String getComment() {
        return comment;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }
}
