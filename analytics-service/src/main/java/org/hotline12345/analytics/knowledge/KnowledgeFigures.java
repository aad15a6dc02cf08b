package org.hotline12345.analytics.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * What the knowledge base did for the calls received in a period.
 *
 * @param received tickets registered in the period
 * @param answeredOnCall of those, answered on the call, from an article or not (当场解答数)
 * @param answeredFromArticle of those, answered on the call with a knowledge article (直办数)
 * @param directRate 直办率: {@code answeredFromArticle} in percent of {@code received}; {@code null} when nothing
 *     was received
 * @param articles the articles used most, most used first
 */
public record KnowledgeFigures(LocalDate from, LocalDate to, long received, long answeredOnCall,
        long answeredFromArticle, Double directRate, List<ArticleUse> articles) {

    /**
     * One article and the calls it answered in the period.
     *
     * @param question the question as the city's folder ships it; {@code null} for an article the units wrote
     *     since, which the knowledge page names by its id
     * @param unit the unit that owns it as the city's folder ships it, or {@code null}
     */
    public record ArticleUse(String articleId, String question, String unit, long tickets) {
    }
}
