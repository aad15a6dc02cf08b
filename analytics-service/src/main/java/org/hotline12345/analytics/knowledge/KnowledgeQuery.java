package org.hotline12345.analytics.knowledge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.facts.Facts;
import org.hotline12345.analytics.rollups.Counter;
import org.hotline12345.analytics.rollups.Dimension;
import org.hotline12345.analytics.rollups.RollupStore;
import org.hotline12345.analytics.rollups.RollupStore.PeriodCounts;
import org.hotline12345.analytics.tables.DayRange;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.KnowledgeArticle;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The knowledge base's figures. The rollups give the calls received and answered on the spot (the city's counts,
 * each category's and each operator's) and the calls each article answered: a year is a dozen month documents of each, whatever the
 * number of tickets. The gaps are read from the facts of the questions not answered on the call alone, through the
 * sparse index on their day.
 */
@Service
class KnowledgeQuery {

    private final RollupStore rollups;
    private final Facts facts;
    private final Map<String, KnowledgeArticle> shipped;

    KnowledgeQuery(RollupStore rollups, Facts facts, City city) {
        this.rollups = rollups;
        this.facts = facts;
        this.shipped = city.knowledge().stream().collect(Collectors.toMap(KnowledgeArticle::id, Function.identity(),
                (first, second) -> first));
    }

    /** The figures of tickets received in {@code days}, with the {@code top} articles used most and gap words. */
    Mono<KnowledgeFigures> of(DayRange days, int top) {
        Mono<KnowledgeFigures.Gaps> gaps = facts.questionsIn(days, Fields.CATEGORY, Fields.ASSIGNED,
                        Fields.QUESTION_WORDS)
                .filter(Fact::assigned)
                .collectList()
                .map(dispatched -> gaps(dispatched, top));
        return Mono.zip(rollups.totals(Dimension.CITY, days), rollups.totals(Dimension.ARTICLE, days),
                        rollups.totals(Dimension.CATEGORY, days), rollups.totals(Dimension.OPERATOR, days), gaps)
                .map(all -> {
                    PeriodCounts city = all.getT1().get(Dimension.CITY_GROUP);
                    long received = city == null ? 0 : city.get(Counter.RECEIVED);
                    long answeredOnCall = city == null ? 0 : city.get(Counter.RESOLVED_AT_INTAKE);
                    // a ticket counts once in the group of the one article it was answered with
                    long fromArticles = all.getT2().values().stream().mapToLong(c -> c.get(Counter.RECEIVED)).sum();
                    List<KnowledgeFigures.ArticleUse> used = all.getT2().values().stream()
                            .filter(c -> c.get(Counter.RECEIVED) > 0)
                            .sorted(Comparator.comparingLong((PeriodCounts c) -> c.get(Counter.RECEIVED)).reversed()
                                    .thenComparing(PeriodCounts::group))
                            .limit(top)
                            .map(this::use)
                            .toList();
                    List<KnowledgeFigures.CategoryRate> byCategory = mostCalledFirst(all.getT3())
                            .map(c -> new KnowledgeFigures.CategoryRate(c.group(), c.get(Counter.RECEIVED),
                                    c.get(Counter.RESOLVED_AT_INTAKE), c.get(Counter.ANSWERED_FROM_ARTICLE),
                                    rate(c.get(Counter.ANSWERED_FROM_ARTICLE), c.get(Counter.RECEIVED))))
                            .toList();
                    List<KnowledgeFigures.OperatorRate> byOperator = mostCalledFirst(all.getT4())
                            .map(c -> new KnowledgeFigures.OperatorRate(c.group(), c.get(Counter.RECEIVED),
                                    c.get(Counter.RESOLVED_AT_INTAKE), c.get(Counter.ANSWERED_FROM_ARTICLE),
                                    rate(c.get(Counter.ANSWERED_FROM_ARTICLE), c.get(Counter.RECEIVED))))
                            .toList();
                    return new KnowledgeFigures(days.from(), days.to(), received, answeredOnCall, fromArticles,
                            rate(fromArticles, received), used, byCategory, byOperator, all.getT5());
                });
    }

    private static Stream<PeriodCounts> mostCalledFirst(Map<String, PeriodCounts> groups) {
        return groups.values().stream().filter(c -> c.get(Counter.RECEIVED) > 0)
                .sorted(Comparator.comparingLong((PeriodCounts c) -> c.get(Counter.RECEIVED)).reversed()
                        .thenComparing(PeriodCounts::group));
    }

    /** {@code part} in percent of {@code whole}, to two places; {@code null} of nothing. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 100.0;
    }

    private static KnowledgeFigures.Gaps gaps(List<Fact> dispatched, int top) {
        Map<String, Long> byCategory = new HashMap<>();
        Map<String, Map<String, Long>> words = new HashMap<>();
        for (Fact question : dispatched) {
            String category = question.category() == null ? "OTHER" : question.category();
            byCategory.merge(category, 1L, Long::sum);
            for (String word : question.questionWords()) {
                words.computeIfAbsent(word, w -> new HashMap<>()).merge(category, 1L, Long::sum);
            }
        }
        List<KnowledgeFigures.GapWord> mostUsed = words.entrySet().stream()
                .map(word -> new KnowledgeFigures.GapWord(word.getKey(),
                        word.getValue().values().stream().mapToLong(Long::longValue).sum(),
                        mostFirst(word.getValue()).stream().map(Map.Entry::getKey).toList()))
                .sorted(Comparator.comparingLong(KnowledgeFigures.GapWord::questions).reversed()
                        .thenComparing(KnowledgeFigures.GapWord::word))
                .limit(top)
                .toList();
        return new KnowledgeFigures.Gaps(dispatched.size(), mostFirst(byCategory).stream()
                .map(c -> new KnowledgeFigures.GapCategory(c.getKey(), c.getValue())).toList(), mostUsed);
    }

    private static List<Map.Entry<String, Long>> mostFirst(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).toList();
    }

    private KnowledgeFigures.ArticleUse use(PeriodCounts counts) {
        KnowledgeArticle article = shipped.get(counts.group());
        return new KnowledgeFigures.ArticleUse(counts.group(), article == null ? null : article.question(),
                article == null ? null : article.unit(), counts.get(Counter.RECEIVED));
    }
}
