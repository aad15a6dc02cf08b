package org.hotline12345.intake.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article of the knowledge base as stored: the version callers are answered with ({@code published}), the draft a
 * unit is working on, and where the workflow stands. Each transition guards itself and names the rule it breaks;
 * {@code revision} makes a write made on a stale read fail instead of undoing someone else's.
 */
@Document(Article.COLLECTION)
class Article {

    static final String COLLECTION = "knowledge_articles";

    @Id
    private String id;
    /** The unit that owns the article: only its staff draft it. */
    private String unit;
    private ArticleStatus status;
    /** The version callers are answered with; null until first published. */
    private ArticleContent published;
    /** 0 until first published, then the number of the published version. */
    private int publishedVersion;
    private Instant publishedAt;
    /** The unit's pending edit; null when nothing is pending. */
    private ArticleContent draft;
    /** Why an editor sent the draft back; null otherwise. */
    private String sentBackReason;
    private String updatedBy;
    /**
     * When the article last changed, indexed: every instance's search index reads the articles changed since it
     * last looked, never the whole collection.
     */
    private Instant changedAt;
    @Version
    private Long revision;

    Article() {
    }

    /** A new draft of {@code unit}. */
    static Article draft(String id, String unit, ArticleContent content, String by, Instant now) {
        Article article = new Article();
        article.id = id;
        article.unit = unit;
        article.status = ArticleStatus.DRAFT;
        article.draft = content;
        article.updatedBy = by;
        article.changedAt = now;
        return article;
    }

    /** An article the city's folder ships: published as its first version. */
    static Article seeded(String id, String unit, ArticleContent content, Instant now) {
        return firstPublished(id, unit, content, "reference-data", now);
    }

    /**
     * An article of an existing knowledge base that a knowledge editor imported: published as its first version on
     * the editor's word, as {@link #publish} would after a review.
     */
    static Article imported(String id, String unit, ArticleContent content, String by, Instant now) {
        return firstPublished(id, unit, content, by, now);
    }

    private static Article firstPublished(String id, String unit, ArticleContent content, String by, Instant now) {
        Article article = draft(id, unit, content, by, now);
        article.status = ArticleStatus.PUBLISHED;
        article.published = content;
        article.publishedVersion = 1;
        article.publishedAt = now;
        article.draft = null;
        return article;
    }

    /** Replaces the draft, or starts a new one on the published version; not while in review or retired. */
    void editDraft(ArticleContent content, String by, Instant now) {
        if (status == ArticleStatus.IN_REVIEW || status == ArticleStatus.RETIRED) {
            throw new ArticleTransitionException("EDIT", "edit", status, status == ArticleStatus.IN_REVIEW
                    ? "an article in review is edited after an editor sends it back" : "a retired article stays as "
                    + "it was");
        }
        draft = content;
        status = ArticleStatus.DRAFT;
        sentBackReason = null;
        touch(by, now);
    }

    void submit(String by, Instant now) {
        if (draft == null || !(status == ArticleStatus.DRAFT || status == ArticleStatus.SENT_BACK)) {
            throw new ArticleTransitionException("SUBMIT", "submit", status, "only a draft is submitted for review");
        }
        status = ArticleStatus.IN_REVIEW;
        touch(by, now);
    }

    /** Makes the draft the next published version, which callers are answered with from now on. */
    ArticleVersion publish(String by, Instant now) {
        if (status != ArticleStatus.IN_REVIEW) {
            throw new ArticleTransitionException("PUBLISH", "publish", status,
                    "only an article submitted for review is published");
        }
        published = draft;
        publishedVersion++;
        publishedAt = now;
        draft = null;
        status = ArticleStatus.PUBLISHED;
        touch(by, now);
        return ArticleVersion.of(id, publishedVersion, unit, published, now, by);
    }

    void sendBack(String reason, String by, Instant now) {
        if (status != ArticleStatus.IN_REVIEW) {
            throw new ArticleTransitionException("SEND_BACK", "send back", status,
                    "only an article submitted for review is sent back");
        }
        status = ArticleStatus.SENT_BACK;
        sentBackReason = reason;
        touch(by, now);
    }

    /** Takes the article out of the search at once; its history stays. */
    void retire(String by, Instant now) {
        if (status == ArticleStatus.RETIRED) {
            throw new ArticleTransitionException("RETIRE", "retire", status, "it is retired already");
        }
        status = ArticleStatus.RETIRED;
        draft = null;
        touch(by, now);
    }

    /** Whether callers may be answered with it on {@code day}. */
    boolean answersOn(LocalDate day) {
        return isLive() && published.holdsOn(day);
    }

    /** Published and not retired: in the search while its dates hold. */
    boolean isLive() {
        return published != null && status != ArticleStatus.RETIRED;
    }

    private void touch(String by, Instant now) {
        updatedBy = by;
        changedAt = now;
    }

    String getId() {
        return id;
    }

    String getUnit() {
        return unit;
    }

    ArticleStatus getStatus() {
        return status;
    }

    ArticleContent getPublished() {
        return published;
    }

    int getPublishedVersion() {
        return publishedVersion;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    ArticleContent getDraft() {
        return draft;
    }

    String getSentBackReason() {
        return sentBackReason;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    Long getRevision() {
        return revision;
    }
}
