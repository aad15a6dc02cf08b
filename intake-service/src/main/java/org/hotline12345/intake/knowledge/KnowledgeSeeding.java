package org.hotline12345.intake.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.KnowledgeArticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores the articles the city's folder ships as their first published version, once: an article already in the
 * store (edited by its unit since, or retired) is left as it is, and two instances starting together store each
 * article once.
 */
final class KnowledgeSeeding {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSeeding.class);

    private final ReactiveMongoTemplate mongo;
    private final City city;
    private final Clock clock;

    KnowledgeSeeding(ReactiveMongoTemplate mongo, City city, Clock clock) {
        this.mongo = mongo;
        this.city = city;
        this.clock = clock;
    }

    /** Completes with how many articles were stored. */
    Mono<Long> seed() {
        List<KnowledgeArticle> shipped = city.knowledge();
        if (shipped.isEmpty()) {
            return Mono.just(0L);
        }
        Instant now = clock.instant();
        Query known = Query.query(Criteria.where("_id").in(shipped.stream().map(KnowledgeArticle::id).toList()));
        known.fields().include("_id");
        return mongo.find(known, Document.class, Article.COLLECTION)
                .map(document -> document.getString("_id"))
                .collect(HashSet<String>::new, Set::add)
                .flatMapMany(stored -> Flux.fromIterable(shipped).filter(article -> !stored.contains(article.id())))
                .concatMap(article -> {
                    Article seeded = Article.seeded(article.id(), article.unit(), ArticleContent.of(article), now);
                    return mongo.insert(seeded)
                            .flatMap(saved -> mongo.insert(ArticleVersion.of(saved.getId(), 1, saved.getUnit(),
                                    saved.getPublished(), now, "reference-data")).thenReturn(saved))
                            .onErrorResume(DuplicateKeyException.class, seededMeanwhile -> Mono.empty());
                })
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Stored {} knowledge articles from the city's folder", count);
                    }
                });
    }
}
