package org.hotline12345.intake.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hotline12345.platform.problem.ConcurrentChangeException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.platform.security.Roles;
import org.hotline12345.referencedata.City;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The knowledge base's workflow: a unit's staff draft and submit the articles of their own unit, the centre's
 * editors publish them, send them back with a reason, or retire them; staff read what is published. A unit's staff
 * are answered about another unit's drafts exactly as if the article did not exist. Every step names the revision it
 * was decided on, so that two people never overwrite each other.
 */
@Service
class KnowledgeWorkflow {

    static final int LIST_LIMIT = 500;
    private static final String ARTICLE = "Article";

    private final ReactiveMongoTemplate mongo;
    private final CurrentCaller caller;
    private final ArticleRules rules;
    private final Clock clock;

    KnowledgeWorkflow(ReactiveMongoTemplate mongo, CurrentCaller caller, City city, Clock clock) {
        this.mongo = mongo;
        this.caller = caller;
        this.rules = new ArticleRules(city);
        this.clock = clock;
    }

    /** A new draft of the caller's unit. */
    Mono<ArticleView> create(ArticleRequest request) {
        return Mono.fromCallable(() -> rules.check(request))
                .flatMap(content -> caller.unit().zipWith(caller.subject()).flatMap(unitAndBy -> mongo.insert(
                        Article.draft(newId(), unitAndBy.getT1(), content, unitAndBy.getT2(), clock.instant()))))
                .map(ArticleView::full);
    }

    /** Replaces the draft of one of the caller's unit's articles, or starts one on its published version. */
    Mono<ArticleView> editDraft(String id, ArticleRequest request) {
        return Mono.fromCallable(() -> {
            ArticleContent content = rules.check(request);
            revision(request.revision());
            return content;
        }).flatMap(content -> ownArticle(id).zipWith(caller.subject()).flatMap(articleAndBy -> {
            Article article = current(articleAndBy.getT1(), request.revision());
            article.editDraft(content, articleAndBy.getT2(), clock.instant());
            return save(article);
        })).map(ArticleView::full);
    }

    Mono<ArticleView> submit(String id, ArticleDecision decision) {
        return checked(decision, false).flatMap(none -> ownArticle(id).zipWith(caller.subject())
                .flatMap(articleAndBy -> {
                    Article article = current(articleAndBy.getT1(), decision.revision());
                    article.submit(articleAndBy.getT2(), clock.instant());
                    return save(article);
                })).map(ArticleView::full);
    }

    /** Publishes the submitted draft as the next version and keeps that version in the history. */
    Mono<ArticleView> publish(String id, ArticleDecision decision) {
        return checked(decision, false).flatMap(none -> anyArticle(id).zipWith(caller.subject())
                .flatMap(articleAndBy -> {
                    Article article = current(articleAndBy.getT1(), decision.revision());
                    ArticleVersion version = article.publish(articleAndBy.getT2(), clock.instant());
                    // the version first, under its number: a publish cut off between the two writes leaves no
                    // live version without its history, and two racing publishes of one revision write the same
                    // version, of which only one gets the article past its revision
                    return mongo.save(version).then(save(article));
                })).map(ArticleView::full);
    }

    Mono<ArticleView> sendBack(String id, ArticleDecision decision) {
        return checked(decision, true).flatMap(reason -> anyArticle(id).zipWith(caller.subject())
                .flatMap(articleAndBy -> {
                    Article article = current(articleAndBy.getT1(), decision.revision());
                    article.sendBack(reason, articleAndBy.getT2(), clock.instant());
                    return save(article);
                })).map(ArticleView::full);
    }

    Mono<ArticleView> retire(String id, ArticleDecision decision) {
        return checked(decision, false).flatMap(none -> anyArticle(id).zipWith(caller.subject())
                .flatMap(articleAndBy -> {
                    Article article = current(articleAndBy.getT1(), decision.revision());
                    article.retire(articleAndBy.getT2(), clock.instant());
                    return save(article);
                })).map(ArticleView::full);
    }

    /** The article as the caller may see it: its drafts only to its unit and the editors. */
    Mono<ArticleView> view(String id) {
        return visible(id).map(Visible::view);
    }

    /** Every published version of an article the caller may see, newest first. */
    Mono<List<ArticleVersion>> history(String id) {
        return visible(id).flatMap(visible -> mongo.find(Query.query(Criteria.where("articleId").is(id))
                .with(Sort.by(Sort.Direction.DESC, "version")), ArticleVersion.class).collectList());
    }

    /** What waits for an editor, longest waiting first. */
    Mono<List<ArticleView>> reviewQueue() {
        return mongo.find(Query.query(Criteria.where("status").is(ArticleStatus.IN_REVIEW))
                        .with(Sort.by(Sort.Direction.ASC, "changedAt")).limit(LIST_LIMIT), Article.class)
                .map(ArticleView::full).collectList();
    }

    /** A unit's staff see their unit's articles, an editor every article (or one unit's), latest change first. */
    Mono<List<ArticleView>> list(String unit) {
        return isEditor().flatMap(editor -> editor
                        ? Mono.just(unit == null || unit.isBlank() ? new Criteria() : Criteria.where("unit").is(unit))
                        : caller.unit().map(own -> Criteria.where("unit").is(own)))
                .flatMap(criteria -> mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "changedAt"))
                        .limit(LIST_LIMIT), Article.class).map(ArticleView::full).collectList());
    }

    private record Visible(Article article, boolean full) {
        ArticleView view() {
            return full ? ArticleView.full(article) : ArticleView.publishedOnly(article);
        }
    }

    private Mono<Visible> visible(String id) {
        return Mono.zip(isEditor(), hasRole(Roles.UNIT)).flatMap(roles -> mongo.findById(id, Article.class)
                .flatMap(article -> {
                    if (roles.getT1()) {
                        return Mono.just(new Visible(article, true));
                    }
                    Mono<Boolean> own = roles.getT2()
                            ? caller.unit().map(unit -> unit.equals(article.getUnit())) : Mono.just(false);
                    return own.flatMap(mine -> mine ? Mono.just(new Visible(article, true))
                            : article.getPublished() != null ? Mono.just(new Visible(article, false))
                            : Mono.empty());
                }))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(ARTICLE, id)));
    }

    private Mono<Article> ownArticle(String id) {
        return caller.unit().flatMap(unit -> mongo.findOne(Query.query(Criteria.where("_id").is(id)
                        .and("unit").is(unit)), Article.class))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(ARTICLE, id)));
    }

    private Mono<Article> anyArticle(String id) {
        return mongo.findById(id, Article.class)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException(ARTICLE, id)));
    }

    /** The decision's reason once its revision is given; empty when no reason is needed or given. */
    private static Mono<String> checked(ArticleDecision decision, boolean reasonRequired) {
        return Mono.fromCallable(() -> {
            if (decision == null) {
                throw new InvalidRequestException("revision", "required", "is required");
            }
            revision(decision.revision());
            String reason = ArticleRules.reason(decision.reason(), reasonRequired);
            return reason == null ? "" : reason;
        });
    }

    private static void revision(Long revision) {
        if (revision == null) {
            throw new InvalidRequestException("revision", "required", "is required: the revision the change was "
                    + "made on, as the article was read");
        }
    }

    /** The article, if the caller's change was made on its current revision. */
    private static Article current(Article article, Long revision) {
        if (!revision.equals(article.getRevision())) {
            throw new ConcurrentChangeException("article");
        }
        return article;
    }

    private Mono<Article> save(Article article) {
        return mongo.save(article).onErrorMap(OptimisticLockingFailureException.class,
                raced -> new ConcurrentChangeException("article"));
    }

    private Mono<Boolean> isEditor() {
        return hasRole(Roles.KNOWLEDGE_EDITOR);
    }

    private static Mono<Boolean> hasRole(String role) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)))
                .defaultIfEmpty(false);
    }

    private static String newId() {
        return "KB-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }
}
