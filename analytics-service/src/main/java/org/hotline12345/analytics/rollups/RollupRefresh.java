package org.hotline12345.analytics.rollups;

import java.time.LocalDate;
import org.hotline12345.analytics.AnalyticsProperties;
import org.hotline12345.analytics.facts.ChangedDays;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts again every day whose facts changed, a few seconds after the events that changed them. Of several
 * analytics instances one at a time counts, under the {@link RollupLease} a recount also takes.
 */
@Component
public class RollupRefresh extends PeriodicTask {

    private static final int DAYS_PER_PASS = 100;

    private final ChangedDays changes;
    private final RollupStore store;
    private final RollupLease lease;

    RollupRefresh(ChangedDays changes, RollupStore store, RollupLease lease, AnalyticsProperties settings) {
        super("Rollup refresh", settings.rollupInterval());
        this.changes = changes;
        this.store = store;
        this.lease = lease;
    }

    /** One pass; completes with the number of days counted, or empty when another count holds the lease. */
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
