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
    private static final int MAX_PER_PASS = 1_000;

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

    /** What still waits after the pass, read through the outbox index: events only wait while they are unsent. */
    private Mono<Void> measure() {
        Instant now = clock.instant();
        Query waiting = Query.query(Criteria.where(OutboxDocument.OUTBOX_SINCE).exists(true));
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

    private Mono<Long> sweep(Class<? extends OutboxDocument> type) {
        return claimNext(type)
                .flatMap(document -> relay.flush(type, idOf(type, document), document.getOutbox())
                        .onErrorResume(e -> {
                            log.warn("Could not republish the outbox of a {}; will try again", type.getSimpleName(),
                                    e);
                            return Mono.empty();
                        })
                        .thenReturn(1L))
                .defaultIfEmpty(0L)
                .repeat(MAX_PER_PASS - 1)
                .takeWhile(flushed -> flushed > 0)
                .count();
    }

    private Mono<? extends OutboxDocument> claimNext(Class<? extends OutboxDocument> type) {
        return lease.claim(Criteria.where(OutboxDocument.OUTBOX + ".0").exists(true)
                .and(OutboxDocument.OUTBOX_SINCE).lte(clock.instant().minus(settings.grace())), type);
    }

    private Object idOf(Class<? extends OutboxDocument> type, OutboxDocument document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .getIdentifierAccessor(document).getRequiredIdentifier();
    }

}
