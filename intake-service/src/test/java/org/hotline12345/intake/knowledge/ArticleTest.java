package org.hotline12345.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An article's workflow on its own: each step guards itself and names the rule it breaks. */
class ArticleTest {

    static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    @Test
    void publishesASubmittedDraftAsTheNextVersionAndKeepsItLiveThroughTheNextEdit() {
        Article article = Article.draft("KB-1", "WATER_CO", content("第一版"), "water-staff", NOW);
        article.submit("water-staff", NOW);

        ArticleVersion first = article.publish("editor", NOW);
        article.editDraft(content("第二版"), "water-staff", NOW);

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.id()).isEqualTo("KB-1:1");
        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getPublished().answer()).isEqualTo("第一版");
        assertThat(article.isLive()).isTrue();
    }

    @Test
    void refusesToPublishADraftNobodySubmitted() {
        Article article = Article.draft("KB-1", "WATER_CO", content("第一版"), "water-staff", NOW);

        assertThatThrownBy(() -> article.publish("editor", NOW))
                .isInstanceOf(ArticleTransitionException.class)
                .hasMessage("Cannot publish an article that is DRAFT: only an article submitted for review is "
                        + "published.");
    }

    @Test
    void keepsAnArticleInReviewAsSubmittedUntilAnEditorSendsItBack() {
        Article article = Article.draft("KB-1", "WATER_CO", content("第一版"), "water-staff", NOW);
        article.submit("water-staff", NOW);

        assertThatThrownBy(() -> article.editDraft(content("改"), "water-staff", NOW))
                .isInstanceOf(ArticleTransitionException.class);
        article.sendBack("请写明依据", "editor", NOW);
        article.editDraft(content("改"), "water-staff", NOW);

        assertThat(article.getStatus()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.getSentBackReason()).isNull();
    }

    @Test
    void aRetiredArticleAnswersNobodyAndTakesNoMoreEdits() {
        Article article = Article.seeded("KB-1", "WATER_CO", content("答复"), NOW);
        assertThat(article.answersOn(LocalDate.of(2026, 12, 6))).isTrue();

        article.retire("editor", NOW);

        assertThat(article.answersOn(LocalDate.of(2026, 12, 6))).isFalse();
        assertThatThrownBy(() -> article.editDraft(content("改"), "water-staff", NOW))
                .isInstanceOf(ArticleTransitionException.class);
        assertThatThrownBy(() -> article.retire("editor", NOW)).isInstanceOf(ArticleTransitionException.class);
    }

    @Test
    void answersOnlyBetweenItsFirstAndLastDay() {
        Article article = Article.seeded("KB-1", "WATER_CO", new ArticleContent("问", List.of(), "答", null,
                "WATER_SUPPLY", List.of(), "通知", "2026-01-01", "2026-06-30"), NOW);

        assertThat(article.answersOn(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(article.answersOn(LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(article.answersOn(LocalDate.of(2025, 12, 31))).isFalse();
    }

    private static ArticleContent content(String answer) {
        return new ArticleContent("停水了怎么办", List.of(), answer, null, "WATER_SUPPLY", List.of(), "通知",
                "2026-01-01", null);
    }
}
