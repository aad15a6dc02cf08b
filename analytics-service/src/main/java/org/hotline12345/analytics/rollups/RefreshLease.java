package org.hotline12345.analytics.rollups;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lets one analytics instance at a time count rollups again. Two instances counting at once could each read a day
 * or a week before the other's change and write it after, leaving stale figures; the lease is one document taken
 * by a conditional write, and one that its holder never gives back (it died) lapses after {@link #TERM}.
 */
@Component
class RefreshLease {

    static final String COLLECTION = "rollup_lease";
    /** Far longer than a pass takes (a hundred days, a few seconds), so a holder never loses it mid-pass. */
    static final Duration TERM = Duration.ofMinutes(2);
    private static final String ID = "refresh";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    RefreshLease(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Runs {@code pass} if it gets the lease (also against a pass of this instance), and gives it back after; empty if another holds it. */
    <T> Mono<T> whileHeld(Mono<T> pass) {
        return take().flatMap(taken -> taken
                ? pass.materialize().flatMap(outcome -> release().then(Mono.just(outcome))).dematerialize()
                : Mono.empty());
    }

    private Mono<Boolean> take() {
        Query free = Query.query(Criteria.where("_id").is(ID).and("until").lte(clock.instant()));
        Update hold = new Update().set("holder", holder).set("until", clock.instant().plus(TERM));
        return mongo.findAndModify(free, hold, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .map(lease -> holder.equals(lease.getString("holder")))
                .onErrorResume(DuplicateKeyException.class, heldByAnother -> Mono.just(false));
    }

    private Mono<Void> release() {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("holder").is(holder)),
                new Update().set("until", clock.instant()), COLLECTION).then();
    }
}
