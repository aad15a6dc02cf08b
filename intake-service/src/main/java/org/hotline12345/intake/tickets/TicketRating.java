package org.hotline12345.intake.tickets;

import java.time.Instant;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's rating of one resolution of their ticket, given on the follow page. The one that counts is stored
 * under the ticket and the round it rates, so that a second rating of the same round cannot be stored beside it
 * (the insert is the guard, whoever races), and it carries its CitizenRated in the outbox. A later rating of a
 * round already rated is kept too, marked {@link #IGNORED}, under an id of its own, and publishes nothing.
 */
@Document("ticket_ratings")
public class TicketRating extends OutboxDocument {

    static final String COUNTED = "COUNTED";
    static final String IGNORED = "IGNORED";

    @Id
    private String id;
    private String ticketId;
    private int round;
    private boolean solved;
    private String satisfaction;
    private String comment;
    private String via;
    private String outcome;
    private Instant ratedAt;

    TicketRating() {
    }

    TicketRating(String id, String ticketId, int round, boolean solved, String satisfaction, String comment,
            String via, String outcome, Instant ratedAt) {
        this.id = id;
        this.ticketId = ticketId;
        this.round = round;
        this.solved = solved;
        this.satisfaction = satisfaction;
        this.comment = comment;
        this.via = via;
        this.outcome = outcome;
        this.ratedAt = ratedAt;
    }

    /** The id of the rating that counts for {@code round} of {@code ticketId}. */
    static String countedId(String ticketId, int round) {
        return ticketId + "#" + round;
    }

    public String getId() {
        return id;
    }

    public String getTicketId() {
        return ticketId;
    }

    public int getRound() {
        return round;
    }

    public boolean isSolved() {
        return solved;
    }

    public String getSatisfaction() {
        return satisfaction;
    }

    public String getComment() {
        return comment;
    }

    public String getVia() {
        return via;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getRatedAt() {
        return ratedAt;
    }
}
