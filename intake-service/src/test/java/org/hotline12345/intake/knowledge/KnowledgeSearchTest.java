package org.hotline12345.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The search on its own: Chinese words, the city's synonyms, validity and district, the marked words. */
class KnowledgeSearchTest {

    static final City CITY = City.sample();
    /** 2026-12-06 10:00 in Guiyang. */
    static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    private final KnowledgeSearch search = new KnowledgeSearch(CITY, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() throws Exception {
        search.close();
    }

    @Test
    void findsTheWaterArticleForACallersEverydayWordsThroughASynonym() {
        indexTheSampleCity();

        List<KnowledgeSearch.Hit> hits = search.search("家里没水了什么时候来水", null, 3);

        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(KnowledgeSearch.Hit::category).first().isEqualTo("WATER_SUPPLY");
        assertThat(hits.get(0).questionMarked() + hits.get(0).answerMarked()).contains("<mark>");
    }

    @Test
    void findsAnArticleByAnOfficialTermTheCallerDoesNotUse() {
        search.apply(article("KB-T-1", "计划停水通知在哪里查询？", "关注水务集团公众号。", List.of(), "2026-01-01", null));
        search.apply(article("KB-T-2", "燃气费怎么交？", "在燃气公司营业厅缴纳。", List.of(), "2026-01-01", null));
        search.refresh();

        assertThat(search.search("断水", null, 3)).extracting(KnowledgeSearch.Hit::id).containsExactly("KB-T-1");
    }

    @Test
    void leavesOutAnArticlePastItsLastDayAndOneNotYetValid() {
        search.apply(article("KB-T-1", "停水了怎么办", "旧的答复", List.of(), "2026-01-01", "2026-12-05"));
        search.apply(article("KB-T-2", "停水了怎么办", "新的答复", List.of(), "2026-12-06", null));
        search.apply(article("KB-T-3", "停水了怎么办", "以后的答复", List.of(), "2026-12-07", null));
        search.refresh();

        assertThat(search.search("停水", null, 3)).extracting(KnowledgeSearch.Hit::id).containsExactly("KB-T-2");
    }

    @Test
    void answersForTheCallersDistrictOrTheWholeCity() {
        search.apply(article("KB-T-1", "停水了怎么办", "云岩区", List.of("YUNYAN"), "2026-01-01", null));
        search.apply(article("KB-T-2", "停水了怎么办", "南明区", List.of("NANMING"), "2026-01-01", null));
        search.apply(article("KB-T-3", "停水了怎么办", "全市", List.of(), "2026-01-01", null));
        search.refresh();

        assertThat(search.search("停水", "NANMING", 5)).extracting(KnowledgeSearch.Hit::id)
                .containsExactlyInAnyOrder("KB-T-2", "KB-T-3");
        assertThat(search.search("停水", null, 5)).hasSize(3);
    }

    @Test
    void marksTheMatchedWordsAndEscapesTheRest() {
        search.apply(article("KB-T-1", "停水<script>了怎么办", "请储水 & 等待", List.of(), "2026-01-01", null));
        search.refresh();

        KnowledgeSearch.Hit hit = search.search("停水", null, 1).get(0);

        assertThat(hit.questionMarked()).contains("<mark>").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(hit.answerMarked()).contains("&amp;");
        assertThat(hit.matched()).isNotEmpty();
    }

    @Test
    void dropsARetiredArticle() {
        Article article = article("KB-T-1", "停水了怎么办", "答复", List.of(), "2026-01-01", null);
        search.apply(article);
        search.refresh();
        article.retire("editor", NOW);

        assertThat(search.apply(article)).isTrue();
        search.refresh();

        assertThat(search.search("停水", null, 3)).isEmpty();
    }

    private void indexTheSampleCity() {
        CITY.knowledge().forEach(shipped -> search.apply(Article.seeded(shipped.id(), shipped.unit(),
                ArticleContent.of(shipped), NOW)));
        search.refresh();
    }

    @Test
    void answersACallOnlyWithALiveArticleValidTodayInAVersionThatWasPublished() {
        search.apply(article("KB-T-1", "停水了怎么办", "现行答复", List.of(), "2026-01-01", null));
        search.apply(article("KB-T-2", "停水了怎么办", "过期答复", List.of(), "2026-01-01", "2026-12-05"));
        search.refresh();

        assertThat(search.answersWith("KB-T-1", 1)).isTrue();
        assertThat(search.answersWith("KB-T-1", 2)).as("never published").isFalse();
        assertThat(search.answersWith("KB-T-1", 0)).isFalse();
        assertThat(search.answersWith("KB-T-2", 1)).as("past its last day").isFalse();
        assertThat(search.answersWith("KB-NOT-THERE", 1)).isFalse();
    }

    @Test
    void countsTheLiveArticlesWhoseLastDayIsWithinTheDaysAhead() {
        search.apply(article("KB-T-1", "今天到期", "答复", List.of(), "2026-01-01", "2026-12-06"));
        search.apply(article("KB-T-2", "两周后到期", "答复", List.of(), "2026-01-01", "2026-12-20"));
        search.apply(article("KB-T-3", "两周多到期", "答复", List.of(), "2026-01-01", "2026-12-21"));
        search.apply(article("KB-T-4", "已经过期", "答复", List.of(), "2026-01-01", "2026-12-05"));
        search.apply(article("KB-T-5", "长期有效", "答复", List.of(), "2026-01-01", null));

        assertThat(search.expiringWithin(14)).isEqualTo(2);
    }

    static Article article(String id, String question, String answer, List<String> districts, String from,
            String until) {
        return Article.seeded(id, "WATER_CO", new ArticleContent(question, List.of(), answer, null, "WATER_SUPPLY",
                districts, "通知", from, until), NOW);
    }
}
