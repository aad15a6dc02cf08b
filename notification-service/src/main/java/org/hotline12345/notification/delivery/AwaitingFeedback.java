package org.hotline12345.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a citizen's contact awaits an answer to the satisfaction question, and to which resolution round: set when
 * the question is texted, cleared when the citizen answers, the ticket is reopened from that round or closed. Each
 * change names its round, so that a late or redelivered event of an earlier round neither asks again, nor clears,
 * nor is answered in place of a later one. Events from producers before rounds existed carry none
 * ({@code null}) and act as they always did.
 */
@Component
public class AwaitingFeedback {

    private static final String SINCE = "awaitingFeedbackSince";
    private static final String ROUND = "feedbackRound";

    private final ReactiveMongoTemplate mongo;

    AwaitingFeedback(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The question about resolution {@code round} was texted at {@code now}. A round asked before stays as it is:
     * a redelivered resolution must not ask again what the citizen already answered.
     */
    Mono<Void> asked(String ticketId, Integer round, Instant now) {
        return apply(List.of(asking(ticketId, round, now)));
    }

    /** The ticket was reopened from resolution {@code round}: a question about a later round still stands. */
    Mono<Void> reopened(String ticketId, Integer round) {
        return apply(List.of(reopening(ticketId, round)));
    }

    /** The ticket was closed: nothing after it awaits an answer. */
    Mono<Void> closed(String ticketId) {
        return apply(List.of(closing(ticketId)));
    }

    /** The change of {@link #asked}, to apply with others. */
    static Change asking(String ticketId, Integer round, Instant now) {
        if (round == null) {
            return new Change(byId(ticketId), new Update().set(SINCE, now).unset(ROUND));
        }
        return new Change(byId(ticketId).orOperator(Criteria.where(ROUND).is(null), Criteria.where(ROUND).lt(round)),
                new Update().set(SINCE, now).set(ROUND, round));
    }

    /** The change of {@link #reopened}, to apply with others. */
    static Change reopening(String ticketId, Integer round) {
        Criteria which = byId(ticketId);
        if (round != null) {
            which = which.orOperator(Criteria.where(ROUND).is(null), Criteria.where(ROUND).lte(round));
        }
        return new Change(which, new Update().unset(SINCE));
    }

    /** The change of {@link #closed}, to apply with others. */
    static Change closing(String ticketId) {
        return new Change(byId(ticketId), new Update().unset(SINCE));
    }

    /**
     * Applies {@code changes} in their order with one write: the events of a ticket change its question in the
     * order they happened, so a resolution followed by a closing leaves nothing awaiting an answer.
     */
    Mono<Void> apply(List<Change> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, CitizenContactRecord.class);
        changes.forEach(change -> bulk.updateOne(Query.query(change.which()), change.update()));
        return bulk.execute().then();
    }

    /** The contact of {@code phoneHash}'s ticket asked most recently, and not answered yet. */
    public Mono<CitizenContactRecord> latestFor(String phoneHash) {
        return mongo.findOne(Query.query(Criteria.where("phoneHash").is(phoneHash).and(SINCE).ne(null))
                .with(Sort.by(Sort.Direction.DESC, SINCE)).limit(1), CitizenContactRecord.class);
    }

    /** The citizen answered the question {@code contact} was asked; a question about a later round still stands. */
    public Mono<Void> answered(CitizenContactRecord contact) {
        return update(byId(contact.ticketId()).and(ROUND).is(contact.feedbackRound()), new Update().unset(SINCE));
    }

    private static Criteria byId(String ticketId) {
        return Criteria.where("_id").is(ticketId);
    }

    private Mono<Void> update(Criteria which, Update change) {
        return mongo.updateFirst(Query.query(which), change, CitizenContactRecord.class).then();
    }

    /** One guarded change of a contact's question: the contact it matches, and what it does to it. */
    record Change(Criteria which, Update update) {
    }
}
