package org.hotline12345.intake.knowledge;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind the knowledge base: the search's poll for changes, the review queue, a unit's articles, the
 * articles expiring soon, and the open flags.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeIndexes {

    @Bean
    CollectionIndexes knowledgeArticleIndexes() {
        return CollectionIndexes.of(Article.COLLECTION,
                // every instance asks every few seconds what changed since it last looked
                new Index().on("changedAt", Direction.ASC).named("changed_at"),
                new Index().on("status", Direction.ASC).on("changedAt", Direction.ASC).named("status_changed_at"),
                new Index().on("unit", Direction.ASC).on("changedAt", Direction.DESC).named("unit_changed_at"),
                new Index().on("published.validUntil", Direction.ASC).named("valid_until"));
    }

    @Bean
    CollectionIndexes knowledgeVersionIndexes() {
        return CollectionIndexes.of(ArticleVersion.COLLECTION,
                new Index().on("articleId", Direction.ASC).on("version", Direction.DESC).named("article_version"));
    }

    @Bean
    CollectionIndexes knowledgeFlagIndexes() {
        return CollectionIndexes.of(ArticleFlag.COLLECTION,
                new Index().on("open", Direction.ASC).on("flaggedAt", Direction.ASC).named("open_flagged_at"),
                new Index().on("unit", Direction.ASC).on("open", Direction.ASC).named("unit_open"));
    }
}
