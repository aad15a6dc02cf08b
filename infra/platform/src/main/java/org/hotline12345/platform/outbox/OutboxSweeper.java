package org.hotline12345.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    public OutboxSweeper(ReactiveMongoTemplate mongo, OutboxRelay relay, List<Class<? extends OutboxDocument>> types,
            HotlineProperties.Outbox settings, Clock clock) {
        super("Outbox sweep (documents republished)", settings.sweepInterval());
        this.mongo = mongo;
        this.relay = relay;
        this.types = List.copyOf(types);
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass over every outbox collection; completes with the number of documents flushed. */
    @Override
    public Mono<Long> runOnce() {
        return Flux.fromIterable(types).concatMap(this::sweep).reduce(0L, Long::sum);
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
        Instant now = clock.instant();
        Query due = Query.query(Criteria.where(OutboxDocument.OUTBOX + ".0").exists(true)
                .and(OutboxDocument.OUTBOX_SINCE).lte(now.minus(settings.grace()))
                .orOperator(Criteria.where(OutboxDocument.OUTBOX_LEASE).exists(false),
                        Criteria.where(OutboxDocument.OUTBOX_LEASE).lte(now)));
        Update lease = new Update().set(OutboxDocument.OUTBOX_LEASE, now.plus(settings.lease()));
        return mongo.findAndModify(due, lease, FindAndModifyOptions.options().returnNew(true), type);
    }

    private Object idOf(Class<? extends OutboxDocument> type, OutboxDocument document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .getIdentifierAccessor(document).getRequiredIdentifier();
    }

}
