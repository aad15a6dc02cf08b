package org.hotline12345.intake.knowledge;

import java.time.Instant;

/**
 * An article as a caller may see it: staff outside the owning unit and the editors see the published version alone;
 * the owning unit and the editors see the draft and the workflow too.
 *
 * @param revision what a following edit or step must name
 * @param draft the pending edit, or {@code null} when there is none or the caller may not see it
 */
record ArticleView(String id, String unit, ArticleStatus status, int publishedVersion, ArticleContent published,
        Instant publishedAt, ArticleContent draft, String sentBackReason, String updatedBy, Instant changedAt,
        Long revision) {

    static ArticleView full(Article article) {
        return new ArticleView(article.getId(), article.getUnit(), article.getStatus(), article.getPublishedVersion(),
                article.getPublished(), article.getPublishedAt(), article.getDraft(), article.getSentBackReason(),
                article.getUpdatedBy(), article.getChangedAt(), article.getRevision());
    }

    static ArticleView publishedOnly(Article article) {
        return new ArticleView(article.getId(), article.getUnit(), article.getStatus(), article.getPublishedVersion(),
                article.getPublished(), article.getPublishedAt(), null, null, null, article.getChangedAt(),
                article.getRevision());
    }
}
