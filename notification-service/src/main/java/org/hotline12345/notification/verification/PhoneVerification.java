package org.hotline12345.notification.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks a code against the one last texted for a ticket, and makes a new one on request. Each attempt is counted in
 * the same atomic write that reads the code's round, and only while fewer than {@link #MOST_ATTEMPTS} were made on
 * that code, so racing guesses cannot get more than that many tries between them; a new code starts its own tries,
 * so spent tries cost the reporter a new text, never their ticket's texts. A wrong code, an unknown ticket, a
 * ticket without a code and a code out of attempts all answer alike.
 */
@Service
public class PhoneVerification {

    public static final int MOST_ATTEMPTS = 5;
    /** How long a code may be entered after it was made; the receipt may wait out the quiet hours. */
    public static final Duration VALIDITY = Duration.ofHours(24);
    static final String CONTACTS = "contacts";

    private final ReactiveMongoTemplate mongo;
    private final PhoneCodes codes;
    private final FollowLinks links;
    private final Clock clock;

    PhoneVerification(ReactiveMongoTemplate mongo, PhoneCodes codes, FollowLinks links, Clock clock) {
        this.mongo = mongo;
        this.codes = codes;
        this.links = links;
        this.clock = clock;
    }

    /** Completes with {@code true} when {@code code} is the ticket's latest and the number is now verified. */
    public Mono<Boolean> verify(String ticketNumber, String code) {
        Instant madeAfter = clock.instant().minus(VALIDITY);
        // the receipt's code dates from the ticket, a code sent again from when it was made
        Criteria current = new Criteria().orOperator(Criteria.where("codeMadeAt").gt(madeAfter),
                Criteria.where("codeMadeAt").exists(false).and("receivedAt").gt(madeAfter));
        Query attemptable = Query.query(new Criteria().andOperator(Criteria.where("ticketNumber").is(ticketNumber)
                .and("publicChannel").is(true).and("codeAttempts").lt(MOST_ATTEMPTS), current));
        return mongo.findAndModify(attemptable, new Update().inc("codeAttempts", 1),
                        FindAndModifyOptions.options().returnNew(true), Document.class, CONTACTS)
                .filter(contact -> MessageDigest.isEqual(
                        codes.codeFor(contact.getString("_id"), roundOf(contact))
                                .getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII)))
                .flatMap(contact -> verified(contact.getString("_id")))
                .defaultIfEmpty(false);
    }

    /**
     * Completes with {@code true} when {@code token} is the one of the link in the ticket's texts: that link went
     * only to the ticket's number, as the code did, and no number of guesses spends it.
     */
    public Mono<Boolean> verifyByLink(String ticketNumber, String token) {
        if (!links.matches(ticketNumber, token)) {
            return Mono.just(false);
        }
        Query query = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true));
        query.fields().include("_id");
        return mongo.findOne(query, Document.class, CONTACTS)
                .flatMap(contact -> verified(contact.getString("_id")))
                .defaultIfEmpty(false);
    }

    /**
     * A new code for a ticket from a public channel whose number is not verified yet: the code's round goes up, its
     * tries start again and it is valid for {@link #VALIDITY} from now; the earlier codes are void. Empty for any
     * other ticket.
     */
    public Mono<NewCode> newCode(String ticketNumber) {
        Query unverified = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true)
                .and("verifiedAt").is(null));
        return mongo.findAndModify(unverified, new Update().inc("codeRound", 1).set("codeAttempts", 0)
                                .set("codeMadeAt", clock.instant()),
                        FindAndModifyOptions.options().returnNew(true), Document.class, CONTACTS)
                .map(contact -> new NewCode(contact.getString("_id"), roundOf(contact),
                        codes.codeFor(contact.getString("_id"), roundOf(contact))));
    }

    /**
     * The number a new code for {@code ticketNumber} would go to (its hash), to count the codes sent to it; empty
     * when the ticket would get no code.
     */
    public Mono<String> numberOf(String ticketNumber) {
        Query query = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true)
                .and("verifiedAt").is(null));
        query.fields().include("phoneHash");
        return mongo.findOne(query, Document.class, CONTACTS).mapNotNull(contact -> contact.getString("phoneHash"));
    }

    private Mono<Boolean> verified(String ticketId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ticketId).and("verifiedAt").is(null)),
                new Update().set("verifiedAt", clock.instant()), CONTACTS).thenReturn(true);
    }

    private static int roundOf(Document contact) {
        Number round = contact.get("codeRound", Number.class);
        return round == null ? 0 : round.intValue();
    }

    /** A code made again: its ticket, its round and the code, to be texted. */
    public record NewCode(String ticketId, int round, String code) {
    }
}
