package org.hotline12345.analytics.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * The knowledge base's figures from the rollups: the city's counts give the calls received and answered on the
 * spot, the article dimension the calls each article answered. A year is a dozen month documents of each, whatever
 * the number of tickets.
 */
@Service
class KnowledgeQuery {

    private final RollupStore rollups;
    private final Map<String, KnowledgeArticle> shipped;

    KnowledgeQuery(RollupStore rollups, City city) {
        this.rollups = rollups;
        this.shipped = city.knowledge().stream().collect(Collectors.toMap(KnowledgeArticle::id, Function.identity(),
                (first, second) -> first));
    }

    /** The figures of tickets received in {@code days}, with the {@code top} articles used most. */
    Mono<KnowledgeFigures> of(DayRange days, int top) {
        return Mono.zip(rollups.totals(Dimension.CITY, days), rollups.totals(Dimension.ARTICLE, days))
                .map(both -> {
                    PeriodCounts city = both.getT1().get(Dimension.CITY_GROUP);
                    long received = city == null ? 0 : city.get(Counter.RECEIVED);
                    long answeredOnCall = city == null ? 0 : city.get(Counter.RESOLVED_AT_INTAKE);
                    // a ticket counts once in the group of the one article it was answered with
                    long fromArticles = both.getT2().values().stream().mapToLong(c -> c.get(Counter.RECEIVED)).sum();
                    List<KnowledgeFigures.ArticleUse> used = both.getT2().values().stream()
                            .filter(c -> c.get(Counter.RECEIVED) > 0)
                            .sorted(Comparator.comparingLong((PeriodCounts c) -> c.get(Counter.RECEIVED)).reversed()
                                    .thenComparing(PeriodCounts::group))
                            .limit(top)
                            .map(this::use)
                            .toList();
                    return new KnowledgeFigures(days.from(), days.to(), received, answeredOnCall, fromArticles,
                            received == 0 ? null : Math.round(10_000.0 * fromArticles / received) / 100.0, used);
                });
    }

    private KnowledgeFigures.ArticleUse use(PeriodCounts counts) {
        KnowledgeArticle article = shipped.get(counts.group());
        return new KnowledgeFigures.ArticleUse(counts.group(), article == null ? null : article.question(),
                article == null ? null : article.unit(), counts.get(Counter.RECEIVED));
    }
}
