package org.hotline12345.analytics.rollups;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hotline12345.analytics.facts.ChangedDays;
import org.hotline12345.analytics.facts.ChangedDays.Mark;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds the rollups of a period of days from the facts: each day counted again from its facts alone and its
 * documents replaced whole (so a rollup stored before a counter existed gets that counter), then each week and
 * month the period touches summed again from its days. Running it again gives the same rollups.
 *
 * <p>Events arriving meanwhile are not lost. They change facts, never rollups, and leave the facts pending for the
 * rollups. Under the {@link RollupLease} that the refresh also takes, so no other count writes meanwhile, each fact
 * counted here records that the rollups count it as read: one that changed after the read stays pending, and the
 * refresh adds its change. A day is marked before it is counted and cleared after its week and month are summed,
 * so a recount stopped midway leaves its days for the refresh to count whole.
 */
@Service
class RollupRecount {

    /** How long a recount waits for a refresh pass or another recount to finish before it is refused. */
    static final Duration WAIT_FOR_LEASE = Duration.ofSeconds(30);
    private static final Duration RETRY_EVERY = Duration.ofMillis(250);

    private final RollupStore store;
    private final ChangedDays changes;
    private final RollupDeltas deltas;
    private final RollupLease lease;

    RollupRecount(RollupStore store, ChangedDays changes, RollupDeltas deltas, RollupLease lease) {
        this.store = store;
        this.changes = changes;
        this.deltas = deltas;
        this.lease = lease;
    }

    /**
     * Counts {@code days} again; completes with how many days and facts were counted, or empty when the lease
     * stayed held by another count for {@link #WAIT_FOR_LEASE}.
     */
    Mono<Recounted> recount(DayRange days) {
        List<LocalDate> each = days.from().datesUntil(days.to().plusDays(1)).toList();
        // a refresh pass stopped midway is finished first: its deltas were read before the facts counted here
        Mono<Recounted> work = deltas.finishUnfinished().thenMany(Flux.fromIterable(each))
                .concatMap(day -> changes.mark(day.toString())
                        .flatMap(mark -> store.countDay(day).map(facts -> new CountedDay(mark, facts))))
                .collectList()
                .flatMap(counted -> store.sumPeriodsOf(each)
                        .thenMany(Flux.fromIterable(counted).concatMap(day -> changes.clear(day.mark())))
                        .then(Mono.fromSupplier(() -> new Recounted(counted.size(),
                                counted.stream().mapToLong(CountedDay::facts).sum()))));
        long attempts = WAIT_FOR_LEASE.toMillis() / RETRY_EVERY.toMillis();
        Mono<Recounted> underLease = lease.whileHeld(work)
                .repeatWhenEmpty(tries -> tries.take(attempts).delayElements(RETRY_EVERY));
        // once begun it runs to its end even if the caller hangs up: cancelled midway, it would keep the lease, and
        // with it the refresh, for the lease's whole term
        return Mono.fromFuture(underLease::toFuture, true);
    }

    private record CountedDay(Mark mark, long facts) {
    }

    /**
     * What a recount counted.
     *
     * @param days the days counted again
     * @param facts the tickets received on them
     */
    record Recounted(int days, long facts) {
    }
}
