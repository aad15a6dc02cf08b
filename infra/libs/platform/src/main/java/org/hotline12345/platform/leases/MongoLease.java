package org.hotline12345.platform.leases;

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
import reactor.core.publisher.Mono;

/**
 * A named lease in the {@code leases} collection that one holder at a time gets by a conditional write. A holder
 * that never gives it back (its process died) loses it when its term passes, so the term must be far longer than
 * the work it guards.
 */
public class MongoLease {

    public static final String COLLECTION = "leases";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String name;
    private final Duration term;

    public MongoLease(ReactiveMongoTemplate mongo, Clock clock, String name, Duration term) {
        this.mongo = mongo;
        this.clock = clock;
        this.name = name;
        this.term = term;
    }

    /** Runs {@code work} if the lease is free, and gives it back after; completes empty if another holds it. */
    public <T> Mono<T> whileHeld(Mono<T> work) {
        String holder = UUID.randomUUID().toString();
        return take(holder).flatMap(taken -> taken
                ? work.materialize().flatMap(outcome -> release(holder).thenReturn(outcome)).dematerialize()
                : Mono.empty());
    }

    private Mono<Boolean> take(String holder) {
        Query free = Query.query(Criteria.where("_id").is(name).and("until").lte(clock.instant()));
        Update hold = new Update().set("holder", holder).set("until", clock.instant().plus(term));
        return mongo.findAndModify(free, hold, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .map(lease -> holder.equals(lease.getString("holder")))
                // the upsert of a lease that exists and is held collides on the name
                .onErrorResume(DuplicateKeyException.class, held -> Mono.just(false));
    }

    private Mono<Void> release(String holder) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(name).and("holder").is(holder)),
                new Update().set("until", clock.instant()), COLLECTION).then();
    }
}
