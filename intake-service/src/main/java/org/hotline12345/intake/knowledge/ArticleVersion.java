package org.hotline12345.intake.knowledge;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One published version of an article, kept for good: what callers were answered with, from when, by whose word. */
@Document(ArticleVersion.COLLECTION)
record ArticleVersion(@Id String id, String articleId, int version, String unit, ArticleContent content,
        Instant publishedAt, String publishedBy) {

    static final String COLLECTION = "knowledge_versions";

    /** A factory rather than a second constructor, so that reading from the store has one constructor to use. */
    static ArticleVersion of(String articleId, int version, String unit, ArticleContent content, Instant publishedAt,
            String publishedBy) {
        return new ArticleVersion(articleId + ":" + version, articleId, version, unit, content, publishedAt,
                publishedBy);
    }
}
