package org.hotline12345.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

class QuestionWordsTest {

    static final City CITY = City.sample();
    final QuestionWords words = QuestionWords.of(CITY);

    @Test
    void keepsTheKeyWordsOfAQuestionWithoutTheWordsEveryQuestionHas() {
        assertThat(words.in("请问公积金贷款额度怎么算？")).contains("贷款", "额度")
                .doesNotContain("请问", "怎么", "？");
    }

    @Test
    void readsAColloquialWordAsTheCitysOfficialTerm() {
        assertThat(words.in("家里断水了，什么时候来水")).containsExactly("停水", "恢复供水", "家里");
        assertThat(words.in("请问公积金贷款额度怎么算？")).startsWith("住房公积金").doesNotContain("公积金");
    }

    @Test
    void keepsAtMostEightWordsAndNoNumbers() {
        assertThat(words.in("2026年公积金贷款额度住房补贴人才公寓租赁补贴申请条件材料流程时限窗口地址电话"))
                .hasSizeLessThanOrEqualTo(QuestionWords.MOST)
                .noneMatch(word -> word.chars().allMatch(Character::isDigit));
        assertThat(words.in(null)).isEmpty();
    }

    @Test
    void takesTheCategoriesWhosePriorityIsConsultationAsQuestions() {
        assertThat(words.isQuestion("CONSULTATION")).isTrue();
        assertThat(words.isQuestion("NOISE")).isFalse();
        assertThat(words.isQuestion(null)).isFalse();
    }
}
