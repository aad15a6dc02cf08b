package org.hotline12345.intake.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline12345.platform.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps one instance's search index up to the store: the whole index built from MongoDB before the service takes
 * requests, then every couple of seconds the articles changed since the last one seen, read through the index on
 * {@code changedAt} and never by scanning the collection. Every instance runs its own, so each serves a newly
 * published or retired article within seconds of the change, whichever instance took it.
 */
final class KnowledgeIndexRefresh extends PeriodicTask {

    /**
     * How far before the last change seen each pass reads again: a change stamped by an instance whose clock runs
     * behind, or saved after a later one, is still picked up; what the index already holds is passed over.
     */
    static final Duration OVERLAP = Duration.ofSeconds(30);
    static final Duration BUILT_WITHIN = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexRefresh.class);

    private final ReactiveMongoTemplate mongo;
    private final KnowledgeSearch search;
    private final KnowledgeSeeding seeding;
    private final Clock clock;
    private volatile Instant lastSeen = Instant.EPOCH;

    KnowledgeIndexRefresh(ReactiveMongoTemplate mongo, KnowledgeSearch search, KnowledgeSeeding seeding, Clock clock,
            Duration interval) {
        super("Knowledge index refresh", interval);
        this.mongo = mongo;
        this.search = search;
        this.seeding = seeding;
        this.clock = clock;
    }

    /**
     * Seeds the city's articles, builds the index whole, then starts polling. A database that does not answer fails
     * the start within {@link #BUILT_WITHIN} instead of holding it for ever.
     */
    @Override
    public void start() {
        seeding.seed().then(runOnce()).block(BUILT_WITHIN);
        super.start();
    }

    /** Before the web server: no search is answered from an index not yet built. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    protected boolean reportsEachPass() {
        return false;
    }

    /** Applies the articles changed since the last seen; completes with how many changed the index. */
    @Override
    public Mono<Long> runOnce() {
        Instant from = lastSeen.equals(Instant.EPOCH) ? Instant.EPOCH : lastSeen.minus(OVERLAP);
        return mongo.find(Query.query(Criteria.where("changedAt").gte(from))
                        .with(Sort.by(Sort.Direction.ASC, "changedAt")), Article.class)
                .collectList()
                .publishOn(Schedulers.boundedElastic())
                .map(this::apply);
    }

    private long apply(List<Article> changed) {
        long applied = 0;
        for (Article article : changed) {
            try {
                applied += search.apply(article) ? 1 : 0;
            } catch (RuntimeException unreadable) {
                // one article the index cannot take must not stop every other change from reaching the search
                log.error("Knowledge article {} could not be indexed; it is left out of the search", article.getId(),
                        unreadable);
            }
        }
        if (applied > 0) {
            search.refresh();
        }
        // never past this instance's own clock: an article stamped by an instance whose clock runs ahead must not
        // make this one skip the changes the others stamp meanwhile
        Instant now = clock.instant();
        changed.stream().map(Article::getChangedAt).max(Instant::compareTo)
                .map(newest -> newest.isAfter(now) ? now : newest)
                .filter(newest -> newest.isAfter(lastSeen)).ifPresent(newest -> lastSeen = newest);
        return applied;
    }
}
