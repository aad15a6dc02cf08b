package org.hotline12345.analytics.rollups;

import java.time.Duration;
import java.time.LocalDate;
import org.hotline12345.analytics.facts.ChangedDays;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts again every day whose facts changed, a few seconds after the events that changed them. Several analytics
 * instances may count the same day at once: each writes the same rollups from the same facts.
 */
@Component
public class RollupRefresh extends PeriodicTask {

    private static final int DAYS_PER_PASS = 100;

    private final ChangedDays changes;
    private final RollupStore store;

    RollupRefresh(ChangedDays changes, RollupStore store,
            @Value("${hotline.analytics.rollup-interval:5s}") Duration interval) {
        super("Rollup refresh", interval);
        this.changes = changes;
        this.store = store;
    }

    @Override
    public Mono<Long> runOnce() {
        return changes.marked(DAYS_PER_PASS)
                .concatMap(mark -> store.recount(LocalDate.parse(mark.day())).then(changes.clear(mark)))
                .then(Mono.just(0L)); // a pass every few seconds while events flow: not worth a log line each
    }
}
