package org.hotline12345.analytics.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * What the knowledge base did for the calls received in a period, and where it had nothing to answer with.
 *
 * @param received tickets registered in the period
 * @param answeredOnCall of those, answered on the call, from an article or not (当场解答数)
 * @param answeredFromArticle of those, answered on the call with a knowledge article (直办数)
 * @param directRate 直办率: {@code answeredFromArticle} in percent of {@code received}; {@code null} when nothing
 *     was received
 * @param articles the articles used most, most used first
 * @param byCategory the same figures for each category that received a call, most calls first
 * @param byOperator the same figures for each operator who registered a call at the console, most calls first
 * @param gaps the questions dispatched to a unit because no article answered them (知识缺口)
 */
public record KnowledgeFigures(LocalDate from, LocalDate to, long received, long answeredOnCall,
        long answeredFromArticle, Double directRate, List<ArticleUse> articles, List<CategoryRate> byCategory,
        List<OperatorRate> byOperator, Gaps gaps) {

    /**
     * One article and the calls it answered in the period.
     *
     * @param question the question as the city's folder ships it; {@code null} for an article the units wrote
     *     since, which the knowledge page names by its id
     * @param unit the unit that owns it as the city's folder ships it, or {@code null}
     */
    public record ArticleUse(String articleId, String question, String unit, long tickets) {
    }

    /** The 直办 figures of one category: its calls, those answered on the call, those from an article, the rate. */
    public record CategoryRate(String category, long received, long answeredOnCall, long answeredFromArticle,
            Double directRate) {
    }

    /** The 直办 figures of one operator: the calls they registered, answered on the call, from an article, the rate. */
    public record OperatorRate(String operator, long received, long answeredOnCall, long answeredFromArticle,
            Double directRate) {
    }

    /**
     * The questions of the period that were dispatched to a unit rather than answered on the call: a call answered
     * from an article is never dispatched, so each is a question the knowledge base had no article for. A question
     * is a ticket of a category whose priority in the city's folder is {@code CONSULTATION} (政策咨询).
     *
     * @param questions how many were dispatched
     * @param byCategory how many of each category, most first
     * @param words the {@code top} words they were asked in most, most first: what to ask the units to write
     */
    public record Gaps(long questions, List<GapCategory> byCategory, List<GapWord> words) {
    }

    public record GapCategory(String category, long questions) {
    }

    /**
     * One word of the dispatched questions.
     *
     * @param questions the dispatched questions that used it
     * @param categories their categories, most questions first
     */
    public record GapWord(String word, long questions, List<String> categories) {
    }
}
