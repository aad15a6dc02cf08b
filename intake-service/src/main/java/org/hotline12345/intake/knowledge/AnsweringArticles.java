package org.hotline12345.intake.knowledge;

import org.springframework.stereotype.Component;

/**
 * Tells registration whether a call said to be answered from an article (直办) names one callers may be answered
 * with: published, not retired, valid today, and a version that was published. Read from this instance's search
 * index, in memory, so that registering a call costs no read of the store; an article published or retired in the
 * last seconds is judged as the search on this instance shows it.
 */
@Component
public class AnsweringArticles {

    private final KnowledgeSearch search;

    AnsweringArticles(KnowledgeSearch search) {
        this.search = search;
    }

    /** Whether {@code version} of {@code articleId} may answer a call today. */
    public boolean answersWith(String articleId, int version) {
        return search.answersWith(articleId, version);
    }
}
