package org.hotline12345.intake.knowledge;

import java.time.LocalDate;
import java.util.List;
import org.hotline12345.referencedata.KnowledgeArticle;

/**
 * What one version of an article says, and where and when it holds.
 *
 * @param districts district codes it holds for; empty for the whole city
 * @param validFrom the first day it holds, {@code YYYY-MM-DD}
 * @param validUntil the last day it holds, {@code YYYY-MM-DD}, or {@code null} while it holds
 */
public record ArticleContent(String question, List<String> phrasings, String answer, String answerEn,
        String category, List<String> districts, String basis, String validFrom, String validUntil) {

    public ArticleContent {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    static ArticleContent of(KnowledgeArticle article) {
        return new ArticleContent(article.question(), article.phrasings(), article.answer(), article.answerEn(),
                article.category(), article.districts(), article.basis(), article.validFrom().toString(),
                article.validUntil() == null ? null : article.validUntil().toString());
    }

    /** Whether it holds on {@code day}: on or after its first day and not after its last. */
    boolean holdsOn(LocalDate day) {
        return !day.isBefore(LocalDate.parse(validFrom)) && (validUntil == null
                || !day.isAfter(LocalDate.parse(validUntil)));
    }
}
