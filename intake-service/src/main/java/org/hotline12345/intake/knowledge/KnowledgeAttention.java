package org.hotline12345.intake.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.platform.security.Roles;
import org.hotline12345.referencedata.City;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What needs the editors' and the units' attention: articles operators flagged as wrong or outdated, and published
 * articles whose last valid day is near. A unit's staff see their own unit's alone, an editor every unit's.
 */
@Service
class KnowledgeAttention {

    /** The furthest ahead the expiring articles are listed. */
    static final int MOST_DAYS = 366;
    private static final String ARTICLE = "Article";
    private static final String FLAG = "Flag";

    private final ReactiveMongoTemplate mongo;
    private final CurrentCaller caller;
    private final City city;
    private final Clock clock;

    KnowledgeAttention(ReactiveMongoTemplate mongo, CurrentCaller caller, City city, Clock clock) {
        this.mongo = mongo;
        this.caller = caller;
        this.city = city;
        this.clock = clock;
    }

    /** Flags the published version of a live article; an article never published or retired is not found. */
    Mono<ArticleFlag> flag(String articleId, FlagRequest request) {
        return Mono.fromCallable(() -> {
            if (request == null || request.reason() == null) {
                throw new InvalidRequestException("reason", "required", "is required: WRONG or OUTDATED");
            }
            return ArticleRules.note(request.note());
        }).flatMap(note -> mongo.findById(articleId, Article.class).filter(Article::isLive)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(ARTICLE, articleId)))
                .zipWith(caller.subject())
                .flatMap(articleAndBy -> mongo.insert(new ArticleFlag(newId(), articleId,
                        articleAndBy.getT1().getPublishedVersion(), articleAndBy.getT1().getUnit(),
                        request.reason(), note, articleAndBy.getT2(), clock.instant(), true, null, null, null))));
    }

    /** The open flags the caller may act on, oldest first. */
    Mono<List<ArticleFlag>> openFlags() {
        return scope().flatMap(unit -> mongo.find(Query.query(unit.isEmpty() ? Criteria.where("open").is(true)
                                : Criteria.where("unit").is(unit.get()).and("open").is(true))
                        .with(Sort.by(Sort.Direction.ASC, "flaggedAt")).limit(KnowledgeWorkflow.LIST_LIMIT),
                ArticleFlag.class).collectList());
    }

    /** Closes an open flag of the caller's unit (an editor: of any unit) with what was done. */
    Mono<ArticleFlag> close(String flagId, FlagRequest request) {
        return Mono.fromCallable(() -> Optional.ofNullable(request == null ? null
                        : ArticleRules.reason(request.note(), false)))
                .zipWith(Mono.zip(scope(), caller.subject()))
                .flatMap(noteAndCaller -> {
                    String note = noteAndCaller.getT1().orElse(null);
                    var scopeAndBy = noteAndCaller.getT2();
                    Criteria criteria = Criteria.where("_id").is(flagId);
                    if (scopeAndBy.getT1().isPresent()) {
                        criteria = criteria.and("unit").is(scopeAndBy.getT1().get());
                    }
                    Instant now = clock.instant();
                    return mongo.findAndModify(Query.query(criteria.and("open").is(true)), new Update()
                            .set("open", false).set("closedBy", scopeAndBy.getT2()).set("closedAt", now)
                            .set("closeNote", note), FindAndModifyOptions.options().returnNew(true), ArticleFlag.class);
                })
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(FLAG, flagId)));
    }

    /**
     * Live articles whose last valid day is today or within {@code days} after, soonest first: the units renew
     * them or the editors retire them before they leave the search.
     */
    Mono<List<ArticleView>> expiring(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), city.zone());
        return scope().flatMap(unit -> {
            // dates are stored as YYYY-MM-DD, which sort as the days do
            Criteria criteria = Criteria.where("published.validUntil").gte(today.toString())
                    .lte(today.plusDays(days).toString());
            if (unit.isPresent()) {
                criteria = criteria.and("unit").is(unit.get());
            }
            // retired articles keep their dates, so the list is cut after they are left out, not before: the
            // period bounds what is read
            return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "published.validUntil")),
                            Article.class)
                    .filter(Article::isLive).take(KnowledgeWorkflow.LIST_LIMIT).map(ArticleView::full).collectList();
        });
    }

    /** Nothing for an editor, who sees every unit's; else the caller's own unit. */
    private Mono<Optional<String>> scope() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.KNOWLEDGE_EDITOR)))
                .defaultIfEmpty(false)
                .flatMap(editor -> editor ? Mono.just(Optional.<String>empty()) : caller.unit().map(Optional::of));
    }

    private static String newId() {
        return "FL-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
