package org.hotline12345.notification.verification;

import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks a code against the one texted for a ticket. Each attempt is counted in the same atomic write that reads
 * the stored code, and only while fewer than {@link #MOST_ATTEMPTS} were made, so racing guesses cannot get more
 * than that many tries between them. A wrong code, an unknown ticket, a ticket without a code and a ticket out of
 * attempts all answer alike.
 */
@Service
public class PhoneVerification {

    public static final int MOST_ATTEMPTS = 5;
    /** How long a code may be entered after it was made; the receipt may wait out the quiet hours. */
    public static final Duration VALIDITY = Duration.ofHours(24);
    static final String CONTACTS = "contacts";

    private final ReactiveMongoTemplate mongo;
    private final PhoneCodes codes;
    private final Clock clock;

    PhoneVerification(ReactiveMongoTemplate mongo, PhoneCodes codes, Clock clock) {
        this.mongo = mongo;
        this.codes = codes;
        this.clock = clock;
    }

    /** Completes with {@code true} when {@code code} is the ticket's and the number is now verified. */
    public Mono<Boolean> verify(String ticketNumber, String code) {
        Query attemptable = Query.query(Criteria.where("ticketNumber").is(ticketNumber).and("publicChannel").is(true)
                .and("codeAttempts").lt(MOST_ATTEMPTS).and("receivedAt").gt(clock.instant().minus(VALIDITY)));
        return mongo.findAndModify(attemptable, new Update().inc("codeAttempts", 1),
                        FindAndModifyOptions.options().returnNew(true), Document.class, CONTACTS)
                .filter(contact -> java.security.MessageDigest.isEqual(
                        codes.codeFor(contact.getString("_id")).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        code.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .flatMap(contact -> mongo.updateFirst(Query.query(Criteria.where("_id").is(contact.getString("_id"))),
                                new Update().set("verifiedAt", clock.instant()), CONTACTS)
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }
}
