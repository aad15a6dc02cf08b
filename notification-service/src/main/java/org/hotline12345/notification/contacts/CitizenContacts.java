package org.hotline12345.notification.contacts;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.notification.store.NewDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The citizens' contact records and opt-outs, and the only way to change them. Every change is one atomic write of
 * the fields it is about, guarded by the state it expects, so that a text asking the satisfaction question, a reply
 * answering it, a code being tried and a number opting out never lose each other's changes; each batch of changes
 * is one write, as each batch of reads is one query.
 *
 * <p>Whether a contact awaits an answer to the satisfaction question, and to which resolution round: set when the
 * question is texted, taken when the citizen answers, cleared when the ticket is reopened from that round or closed.
 * Each change names its round, so that a late or redelivered event of an earlier round neither asks again, nor
 * clears, nor is answered in place of a later one. Events from producers before rounds existed carry none
 * ({@code null}) and act as they always did.
 */
@Component
public class CitizenContacts {

    static final String COLLECTION = "contacts";
    private static final String SINCE = "awaitingFeedbackSince";
    private static final String ROUND = "feedbackRound";
    /** The reply that took the question: a reply handled again after it died takes the same question, not another. */
    private static final String ANSWERED_BY = "feedbackAnsweredBy";
    private static final String CODE_ATTEMPTS = "codeAttempts";
    private static final String CODE_ROUND = "codeRound";
    private static final String CODE_MADE_AT = "codeMadeAt";
    private static final String VERIFIED_AT = "verifiedAt";

    private final ReactiveMongoTemplate mongo;
    private final OptOuts optOuts;

    CitizenContacts(ReactiveMongoTemplate mongo, OptOuts optOuts) {
        this.mongo = mongo;
        this.optOuts = optOuts;
    }

    /**
     * Keeps how to reach the caller of each ticket received, with one write for all of them; a ticket's contact
     * stored before (a redelivered event) stays as it is. Completes with the contacts as made from the events, by
     * ticket, in the order of the events.
     */
    public Mono<Map<String, CitizenContactRecord>> keep(List<TicketReceived> received) {
        Map<String, CitizenContactRecord> contacts = new LinkedHashMap<>();
        received.forEach(event -> contacts.putIfAbsent(event.ticketId(), contactOf(event)));
        return NewDocuments.insert(mongo, CitizenContactRecord.class, List.copyOf(contacts.values()))
                .thenReturn(contacts);
    }

    private static CitizenContactRecord contactOf(TicketReceived received) {
        boolean fromPublic = received.channel().isPublic();
        return new CitizenContactRecord(received.ticketId(), received.ticketNumber(),
                received.citizen().sealedPhone(), received.citizen().phoneHash(), received.citizen().maskedPhone(),
                received.citizen().language(), received.citizen().contactAllowed(),
                received.urgency() == Urgency.URGENT, received.parentIncidentId(), received.occurredAt(), null, null,
                fromPublic, fromPublic ? 0 : null, null);
    }

    /** The contact of one ticket, if it was kept. */
    public Mono<CitizenContactRecord> ofTicket(String ticketId) {
        return mongo.findById(ticketId, CitizenContactRecord.class);
    }

    /** The contacts of {@code tickets} by ticket, read with one query. */
    public Mono<Map<String, CitizenContactRecord>> ofTickets(Collection<String> tickets) {
        return mongo.find(Query.query(Criteria.where("_id").in(Set.copyOf(tickets))), CitizenContactRecord.class)
                .collectMap(CitizenContactRecord::ticketId, Function.identity());
    }

    /** The contacts of {@code tickets}, and of the callers merged into {@code resolved}, with one query. */
    public Mono<List<CitizenContactRecord>> ofTicketsAndMergedInto(Set<String> tickets, Set<String> resolved) {
        if (tickets.isEmpty()) {
            return Mono.just(List.of());
        }
        Criteria which = resolved.isEmpty() ? Criteria.where("_id").in(tickets)
                : new Criteria().orOperator(Criteria.where("_id").in(tickets),
                        Criteria.where("parentIncidentId").in(resolved));
        return mongo.find(Query.query(which), CitizenContactRecord.class).collectList();
    }

    /**
     * The question about resolution {@code round} was texted at {@code now}. A round asked before stays as it is:
     * a redelivered resolution must not ask again what the citizen already answered.
     */
    public static QuestionChange asked(String ticketId, Integer round, Instant now) {
        if (round == null) {
            return new QuestionChange(byId(ticketId), new Update().set(SINCE, now).unset(ROUND));
        }
        return new QuestionChange(byId(ticketId).orOperator(Criteria.where(ROUND).is(null),
                Criteria.where(ROUND).lt(round)), new Update().set(SINCE, now).set(ROUND, round));
    }

    /** The ticket was reopened from resolution {@code round}: a question about a later round still stands. */
    public static QuestionChange reopened(String ticketId, Integer round) {
        Criteria which = byId(ticketId);
        if (round != null) {
            which = which.orOperator(Criteria.where(ROUND).is(null), Criteria.where(ROUND).lte(round));
        }
        return new QuestionChange(which, new Update().unset(SINCE));
    }

    /** The ticket was closed: nothing after it awaits an answer. */
    public static QuestionChange closed(String ticketId) {
        return new QuestionChange(byId(ticketId), new Update().unset(SINCE));
    }

    /**
     * Applies {@code changes} in their order with one write: the events of a ticket change its question in the
     * order they happened, so a resolution followed by a closing leaves nothing awaiting an answer.
     */
    public Mono<Void> changeQuestions(List<QuestionChange> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, CitizenContactRecord.class);
        changes.forEach(change -> bulk.updateOne(Query.query(change.which), change.update));
        return bulk.execute().then();
    }

    /** The contact of {@code phoneHash}'s ticket asked most recently, and not answered yet; it stays so. */
    public Mono<CitizenContactRecord> awaitingFeedback(String phoneHash) {
        return mongo.findOne(awaiting(phoneHash), CitizenContactRecord.class);
    }

    /**
     * Takes the question of {@code phoneHash}'s ticket asked most recently for reply {@code replyId}, in one atomic
     * write: completes with the contact as it was asked (its round and when), and no other reply can take that
     * question too. A question asked again after it was taken awaits its own answer.
     */
    public Mono<CitizenContactRecord> takeAwaitingFeedback(String phoneHash, String replyId) {
        return mongo.findAndModify(awaiting(phoneHash), new Update().unset(SINCE).set(ANSWERED_BY, replyId),
                FindAndModifyOptions.options().returnNew(false), CitizenContactRecord.class);
    }

    /**
     * Takes the question about resolution {@code round} of ticket {@code ticketId} for answer {@code answerId} (a
     * rating from the follow page), in one atomic write: empty when that question is not awaiting an answer, because
     * a text reply answered it first, the ticket moved on, or it was never asked.
     */
    public Mono<CitizenContactRecord> takeAwaitingFeedbackOf(String ticketId, int round, String answerId) {
        return mongo.findAndModify(Query.query(byId(ticketId).and(SINCE).ne(null).and(ROUND).is(round)),
                new Update().unset(SINCE).set(ANSWERED_BY, answerId), FindAndModifyOptions.options().returnNew(false),
                CitizenContactRecord.class);
    }

    /** The contact of {@code ticketId} whose question answer {@code answerId} took before, if it took one. */
    public Mono<CitizenContactRecord> takenByOn(String ticketId, String answerId) {
        return mongo.findOne(Query.query(byId(ticketId).and(ANSWERED_BY).is(answerId)), CitizenContactRecord.class);
    }

    /** The contact whose question reply {@code replyId} took before, if it took one. */
    public Mono<CitizenContactRecord> takenBy(String phoneHash, String replyId) {
        return mongo.findOne(Query.query(Criteria.where("phoneHash").is(phoneHash).and(ANSWERED_BY).is(replyId)),
                CitizenContactRecord.class);
    }

    private static Query awaiting(String phoneHash) {
        return Query.query(Criteria.where("phoneHash").is(phoneHash).and(SINCE).ne(null))
                .with(Sort.by(Sort.Direction.DESC, SINCE)).limit(1);
    }

    /**
     * Counts one try of the latest code of the public channel's ticket {@code ticketNumber}, in the same atomic write
     * that reads the code's round, and only while fewer than {@code mostAttempts} were made on a code made after
     * {@code madeAfter}: racing guesses cannot get more tries between them. Empty when no try is left.
     */
    public Mono<CodeRound> tryCode(String ticketNumber, Instant madeAfter, int mostAttempts) {
        // the receipt's code dates from the ticket, a code sent again from when it was made
        Criteria current = new Criteria().orOperator(Criteria.where(CODE_MADE_AT).gt(madeAfter),
                Criteria.where(CODE_MADE_AT).exists(false).and("receivedAt").gt(madeAfter));
        Query attemptable = Query.query(new Criteria().andOperator(Criteria.where("ticketNumber").is(ticketNumber)
                .and("publicChannel").is(true).and(CODE_ATTEMPTS).lt(mostAttempts), current));
        return mongo.findAndModify(attemptable, new Update().inc(CODE_ATTEMPTS, 1),
                        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
                .map(CitizenContacts::codeRoundOf);
    }

    /**
     * A new code for the public channel's ticket {@code ticketNumber} whose number is not verified yet, made at
     * {@code at}: the code's round goes up and its tries start again. Empty for any other ticket.
     */
    public Mono<CodeRound> newCode(String ticketNumber, Instant at) {
        Query unverified = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true)
                .and(VERIFIED_AT).is(null));
        return mongo.findAndModify(unverified, new Update().inc(CODE_ROUND, 1).set(CODE_ATTEMPTS, 0)
                                .set(CODE_MADE_AT, at),
                        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
                .map(CitizenContacts::codeRoundOf);
    }

    /** The ticket of the public channel's ticket number {@code ticketNumber}, if there is one. */
    public Mono<String> publicTicket(String ticketNumber) {
        Query query = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true));
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, COLLECTION).map(contact -> contact.getString("_id"));
    }

    /** The number (its hash) of the public channel's ticket {@code ticketNumber} while it is not verified. */
    public Mono<String> unverifiedNumber(String ticketNumber) {
        Query query = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true)
                .and(VERIFIED_AT).is(null));
        query.fields().include("phoneHash");
        return mongo.findOne(query, Document.class, COLLECTION)
                .mapNotNull(contact -> contact.getString("phoneHash"));
    }

    /** The reporter of {@code ticketId} proved the number at {@code at}; a number proven before keeps its time. */
    public Mono<Void> verified(String ticketId, Instant at) {
        return mongo.updateFirst(Query.query(byId(ticketId).and(VERIFIED_AT).is(null)),
                new Update().set(VERIFIED_AT, at), COLLECTION).then();
    }

    /** The owner of {@code phoneHash} asked for no further texts at {@code at}. */
    public Mono<Void> optOut(String phoneHash, Instant at) {
        return optOuts.optOut(phoneHash, at);
    }

    /** Which of {@code phoneHashes} opted out, read with one query however many they are. */
    public Mono<Set<String>> optedOutAmong(Collection<String> phoneHashes) {
        return optOuts.optedOutAmong(phoneHashes);
    }

    private static Criteria byId(String ticketId) {
        return Criteria.where("_id").is(ticketId);
    }

    private static CodeRound codeRoundOf(Document contact) {
        Number round = contact.get(CODE_ROUND, Number.class);
        return new CodeRound(contact.getString("_id"), round == null ? 0 : round.intValue());
    }

    /** A ticket's latest one-time code: its ticket and its round. */
    public record CodeRound(String ticketId, int round) {
    }

    /**
     * One guarded change of a contact's question, made by {@link #asked}, {@link #reopened} or {@link #closed}: the
     * contact it matches, and what it does to it.
     */
    public static final class QuestionChange {

        private final Criteria which;
        private final Update update;

        private QuestionChange(Criteria which, Update update) {
            this.which = which;
            this.update = update;
        }
    }
}
