package org.hotline12345.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.leases.DocumentLease;
import org.hotline12345.platform.messaging.Delivery;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
/**
 * Finds documents whose events have waited longer than the grace period (a crash between the write and the
 * publish, or a broker outage) and flushes them. Each document is claimed with an atomic lease first, so several
 * instances of a service never republish the same document at the same time.
 */
public class OutboxSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    /** Documents claimed and published together: one transaction and one clearing write for all of them. */
    static final int CLAIMED_AT_ONCE = 500;
    /** Claims per collection in one pass, so that a pass after a long broker outage still ends and reports. */
    private static final int CLAIMS_PER_PASS = 100;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final List<Class<? extends OutboxDocument>> types;
    private final HotlineProperties.Outbox settings;
    private final Clock clock;
    private final DocumentLease lease;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public OutboxSweeper(ReactiveMongoTemplate mongo, OutboxRelay relay, List<Class<? extends OutboxDocument>> types,
            HotlineProperties.Outbox settings, Clock clock, MeterRegistry meters) {
        super("Outbox sweep (documents republished)", settings.sweepInterval());
        this.mongo = mongo;
        this.relay = relay;
        this.types = List.copyOf(types);
        this.settings = settings;
        this.clock = clock;
        this.lease = new DocumentLease(mongo, clock, OutboxDocument.OUTBOX_LEASE, settings.lease());
        Gauge.builder("hotline.outbox.backlog", backlog, AtomicLong::get)
                .description("Documents whose events wait to be published, as of the last sweep").register(meters);
        Gauge.builder("hotline.outbox.oldest.age", oldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest waiting event has waited, as of the last sweep").register(meters);
    }

    /** One pass over every outbox collection; completes with the number of documents flushed. */
    @Override
    public Mono<Long> runOnce() {
        return Flux.fromIterable(types).concatMap(this::sweep).reduce(0L, Long::sum)
                .flatMap(flushed -> measure().thenReturn(flushed));
    }

    /**
     * What still waits after the pass, read through the outbox index: events only wait while they are unsent. The
     * range (every instant is after the epoch) rather than {@code $exists} is what lets any server, the dev stack's
     * included, answer from the sparse index instead of reading every document ever stored.
     */
    private Mono<Void> measure() {
        Instant now = clock.instant();
        Query waiting = Query.query(Criteria.where(OutboxDocument.OUTBOX_SINCE).gte(Instant.EPOCH));
        return Flux.fromIterable(types)
                .concatMap(type -> mongo.count(waiting, type).zipWith(mongo.findOne(Query.of(waiting)
                                .with(Sort.by(OutboxDocument.OUTBOX_SINCE)).limit(1), type)
                        .map(oldest -> Duration.between(oldest.getOutboxSince(), now).toSeconds())
                        .defaultIfEmpty(0L)))
                .collectList()
                .doOnNext(counts -> {
                    backlog.set(counts.stream().mapToLong(c -> c.getT1()).sum());
                    oldestSeconds.set(counts.stream().mapToLong(c -> c.getT2()).max().orElse(0));
                })
                .then();
    }

    /** Claims and republishes the waiting documents of one collection, a batch at a time, until none is left. */
    private <T extends OutboxDocument> Mono<Long> sweep(Class<T> type) {
        return claimWaiting(type)
                .flatMap(documents -> documents.isEmpty() ? Mono.just(0L)
                        : relay.publish(type, documents)
                                .doOnNext(delivery -> {
                                    if (delivery != Delivery.COMMITTED) {
                                        log.warn("Could not republish the outbox of {} {} documents ({}); will try "
                                                + "again", documents.size(), type.getSimpleName(), delivery);
                                    }
                                })
                                .map(delivery -> delivery == Delivery.COMMITTED ? (long) documents.size() : 0L)
                                .onErrorResume(e -> {
                                    log.warn("Could not republish the outbox of {} {} documents; will try again",
                                            documents.size(), type.getSimpleName(), e);
                                    return Mono.just(0L);
                                }))
                .repeat(CLAIMS_PER_PASS - 1)
                .takeWhile(flushed -> flushed > 0)
                .reduce(0L, Long::sum);
    }

    private <T extends OutboxDocument> Mono<List<T>> claimWaiting(Class<T> type) {
        return lease.claimAll(Criteria.where(OutboxDocument.OUTBOX_SINCE).lte(clock.instant().minus(settings.grace())),
                OutboxDocument.OUTBOX_LEASE_HOLDER, CLAIMED_AT_ONCE, type);
    }

}
