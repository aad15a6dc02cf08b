package org.hotline12345.platform.ratelimits;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.hotline12345.platform.problem.TooManyRequestsException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** Fixed-window request counters shared by every intake instance through one atomic increment each. */
public class RateLimits {

    public static final String COLLECTION = "rate_limits";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    public RateLimits(ReactiveMongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
    }

    /** Counts one request against {@code bucket}; fails with 429 when it is over {@code limit} in the window. */
    public Mono<Void> admit(String what, String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        long windowStart = now.toEpochMilli() / window.toMillis() * window.toMillis();
        Instant windowEnd = Instant.ofEpochMilli(windowStart + window.toMillis());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(bucket + "@" + windowStart)),
                        new Update().inc("count", 1).setOnInsert("expiresAt", windowEnd),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .flatMap(counter -> {
                    if (((Number) counter.get("count")).intValue() <= limit) {
                        return Mono.empty();
                    }
                    // a run of these is someone probing or flooding the public channels
                    meters.counter("hotline.requests.limited", "limit", what).increment();
                    return Mono.error(new TooManyRequestsException(what, Duration.between(now, windowEnd)));
                });
    }

    /**
     * Gives back what {@link #admit} counted against {@code bucket} in the current window: for limits that count only
     * failures, counted before the attempt (so racing attempts cannot all slip under the limit) and given back when
     * it succeeds.
     */
    public Mono<Void> release(String bucket, Duration window) {
        long windowStart = clock.instant().toEpochMilli() / window.toMillis() * window.toMillis();
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(bucket + "@" + windowStart)),
                new Update().inc("count", -1), COLLECTION).then();
    }
}
