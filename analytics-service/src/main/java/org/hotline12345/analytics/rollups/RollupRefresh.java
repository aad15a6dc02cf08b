package org.hotline12345.analytics.rollups;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.hotline12345.analytics.AnalyticsProperties;
import org.hotline12345.analytics.facts.ChangedDays;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.PendingFacts;
import org.hotline12345.analytics.facts.PendingFacts.CountedFact;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Adds to the rollups, a few seconds after the events, what the facts changed since: each pass reads the facts
 * pending for the rollups (by the sparse index on {@code pending}) and adds their changes ({@link RollupDeltas}),
 * so its work follows the events since the last pass, not the number of tickets a day holds. A day marked to be
 * counted whole (by a recount that did not finish, or because a fact stored before rollups were kept this way
 * changed) is counted again from its facts first. Of several analytics instances one at a time counts, under the
 * {@link RollupLease} a recount also takes.
 */
@Component
public class RollupRefresh extends PeriodicTask {

    private static final int DAYS_PER_PASS = 100;
    private static final int FACTS_PER_ROUND = 1_000;
    /** Keeps a pass far shorter than the lease's term; what is left is counted by the next pass. */
    private static final int ROUNDS_PER_PASS = 20;

    private final ChangedDays changes;
    private final PendingFacts facts;
    private final RollupDeltas deltas;
    private final RollupStore store;
    private final RollupLease lease;

    RollupRefresh(ChangedDays changes, PendingFacts facts, RollupDeltas deltas, RollupStore store,
            RollupLease lease, AnalyticsProperties settings) {
        super("Rollup refresh", settings.rollupInterval());
        this.changes = changes;
        this.facts = facts;
        this.deltas = deltas;
        this.store = store;
        this.lease = lease;
    }

    /**
     * One pass; completes with the number of facts whose changes and of days counted whole it counted, or empty
     * when another count holds the lease.
     */
    @Override
    public Mono<Long> runOnce() {
        return lease.whileHeld(deltas.finishUnfinished().then(Mono.defer(this::rounds)));
    }

    /**
     * Up to {@link #ROUNDS_PER_PASS} rounds, one after another, while each finds more to count. A round's facts
     * are let go before the next round reads its own, so a pass holds one round's facts however large the backlog.
     */
    private Mono<Long> rounds() {
        return Flux.range(0, ROUNDS_PER_PASS)
                .concatMap(ignored -> round(), 1)
                .takeUntil(round -> !round.more())
                .reduce(0L, (counted, round) -> counted + round.counted());
    }

    private Mono<Round> round() {
        return countMarkedDays().flatMap(days -> facts.pending(FACTS_PER_ROUND).collectList().flatMap(found -> {
            // a fact stored before its share in the rollups was recorded: only counting its day whole tells it
            List<String> unknown = found.stream().filter(fact -> fact.counted() == null).map(this::dayOf)
                    .filter(Objects::nonNull).distinct().toList();
            boolean more = found.size() == FACTS_PER_ROUND || !unknown.isEmpty();
            return unknown.isEmpty()
                    ? deltas.count(found).thenReturn(new Round(days + found.size(), more))
                    : Flux.fromIterable(unknown).concatMap(changes::mark).then(Mono.just(new Round(days, more)));
        }));
    }

    /**
     * What one round did.
     *
     * @param counted the facts whose changes and the days counted whole it counted
     * @param more whether it left facts or marked days for the next round
     */
    private record Round(long counted, boolean more) {
    }

    private String dayOf(CountedFact fact) {
        return fact.now().getString(Fields.RECEIVED_DAY);
    }

    private Mono<Long> countMarkedDays() {
        return changes.marked(DAYS_PER_PASS)
                .concatMap(mark -> store.recount(LocalDate.parse(mark.day())).then(changes.clear(mark)))
                .count();
    }

    @Override
    protected boolean reportsEachPass() {
        return false;
    }
}
