package org.hotline12345.analytics.rollups;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.hotline12345.analytics.AnalyticsProperties;
import org.hotline12345.analytics.facts.ChangedDays;
import org.hotline12345.platform.leases.MongoLease;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts again every day whose facts changed, a few seconds after the events that changed them. Of several
 * analytics instances one at a time counts, under a lease: two counting at once could each read a day or a week
 * before the other's change and write it after, leaving stale figures.
 */
@Component
public class RollupRefresh extends PeriodicTask {

    private static final int DAYS_PER_PASS = 100;

    private final ChangedDays changes;
    private final RollupStore store;
    private final MongoLease lease;

    RollupRefresh(ChangedDays changes, RollupStore store, ReactiveMongoTemplate mongo, Clock clock,
            AnalyticsProperties settings) {
        super("Rollup refresh", settings.rollupInterval());
        this.changes = changes;
        this.store = store;
        // a pass counts a hundred days in a few seconds
        this.lease = new MongoLease(mongo, clock, "rollup-refresh", Duration.ofMinutes(2));
    }

    /** One pass; completes with the number of days counted, or empty when another instance is counting. */
    @Override
    public Mono<Long> runOnce() {
        return lease.whileHeld(changes.marked(DAYS_PER_PASS)
                .concatMap(mark -> store.recount(LocalDate.parse(mark.day())).then(changes.clear(mark)))
                .count());
    }

    @Override
    protected boolean reportsEachPass() {
        return false;
    }
}
