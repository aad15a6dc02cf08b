package org.hotline12345.platform.indexes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what a TTL index has expired. A replica set's TTL monitor does the same within a minute, and then this
 * finds nothing; the embedded wire server accepts TTL indexes but never expires anything, and without this sweep
 * idempotency keys and rate-limit counters would grow without bound there. Each delete is served by the TTL
 * index itself.
 */
public class ExpirySweeper extends PeriodicTask {

    private final ReactiveMongoTemplate mongo;
    private final List<Expiring> expiring;
    private final Clock clock;

    public ExpirySweeper(ReactiveMongoTemplate mongo, List<CollectionIndexes> declared, Duration interval,
            Clock clock) {
        super("Expiry sweep (documents past their TTL deleted)", interval);
        this.mongo = mongo;
        this.clock = clock;
        this.expiring = declared.stream()
                .flatMap(collection -> collection.indexes().stream()
                        .filter(index -> index.getIndexOptions().containsKey("expireAfterSeconds"))
                        .map(index -> Expiring.of(collection.collection(), index)))
                .toList();
    }

    @Override
    public Mono<Long> runOnce() {
        Instant now = clock.instant();
        return Flux.fromIterable(expiring)
                .concatMap(ttl -> mongo.remove(Query.query(Criteria.where(ttl.field()).lt(now.minus(ttl.after()))),
                        ttl.collection()))
                .map(result -> result.getDeletedCount())
                .reduce(0L, Long::sum);
    }

    private record Expiring(String collection, String field, Duration after) {

        static Expiring of(String collection, Index index) {
            if (index.getIndexKeys().size() != 1) {
                throw new IllegalArgumentException("A TTL index has one date field: " + collection + " "
                        + index.getIndexKeys().toJson());
            }
            long seconds = ((Number) index.getIndexOptions().get("expireAfterSeconds")).longValue();
            return new Expiring(collection, index.getIndexKeys().keySet().iterator().next(),
                    Duration.ofSeconds(seconds));
        }
    }
}
