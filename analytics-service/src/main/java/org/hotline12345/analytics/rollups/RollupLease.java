package org.hotline12345.analytics.rollups;

import java.time.Clock;
import java.time.Duration;
import org.hotline12345.platform.leases.MongoLease;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one lease under which rollups are written, by the refresh and by a recount alike, across all analytics
 * instances: two counts at once could each read a day's facts before the other's change and write after it,
 * leaving stale figures.
 */
@Component
class RollupLease {

    /** Far longer than a refresh pass or a recount of the longest period, each a few seconds. */
    private static final Duration TERM = Duration.ofMinutes(2);

    private final MongoLease lease;

    RollupLease(ReactiveMongoTemplate mongo, Clock clock) {
        this.lease = new MongoLease(mongo, clock, "rollup-refresh", TERM);
    }

    /** Runs {@code work} while holding the lease; completes empty if another count holds it. */
    <T> Mono<T> whileHeld(Mono<T> work) {
        return Mono.defer(() -> lease.whileHeld(work));
    }
}
