package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import org.hotline12345.contracts.CategorySuggestion;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CallNormaliserTest {

    /** Sure of noise when the words say 吵, unsure of anything else; KB-CARD-002 answers in versions 1 to 3. */
    private final CallNormaliser normaliser = new CallNormaliser(Set.of("NOISE", "OTHER"),
            text -> text.contains("吵") ? new CategorySuggestion("NOISE", 0.9, false)
                    : new CategorySuggestion("NOISE", 0.2, true),
            (article, version) -> article.equals("KB-CARD-002") && version <= 3);

    @Test
    void normalisesACallAndFillsTheDefaults() {
        var call = normaliser.normalise(new CallRequest("138 1234 5678", " 张先生 ", null, "楼下烧烤店  很吵",
                "中华北路１８号", null, "NOISE", null, null, null, null, null));

        assertThat(call.phoneE164()).isEqualTo("+8613812345678");
        assertThat(call.name()).isEqualTo("张先生");
        assertThat(call.description()).isEqualTo("楼下烧烤店 很吵");
        assertThat(call.address()).isEqualTo("中华北路18号");
        assertThat(call.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(call.language()).isEqualTo("zh");
        assertThat(call.contactAllowed()).isTrue();
    }

    @Test
    void filesACallWithoutCategoryUnderTheClassifiersConfidentSuggestion() {
        var call = normaliser.normalise(new CallRequest("13812345678", null, null, "楼上每天半夜很吵", "somewhere",
                null, null, null, null, null, null, null));

        assertThat(call.category()).isEqualTo("NOISE");
        assertThat(call.suggestion().needsTriage()).isFalse();
    }

    @Test
    void sendsACallWithoutCategoryToOtherForTriageWhenTheClassifierIsUnsure() {
        var call = normaliser.normalise(new CallRequest("13812345678", null, null, "something odd here", "somewhere",
                null, null, null, null, null, null, null));

        assertThat(call.category()).isEqualTo("OTHER");
        assertThat(call.suggestion()).isEqualTo(new CategorySuggestion("NOISE", 0.2, true));
    }

    @Test
    void keepsTheCallersCategoryWithoutAskingTheClassifier() {
        var call = normaliser.normalise(new CallRequest("13812345678", null, null, "楼上每天半夜很吵", "somewhere",
                null, "OTHER", null, null, null, null, null));

        assertThat(call.category()).isEqualTo("OTHER");
        assertThat(call.suggestion()).isNull();
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        var problem = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                new CallRequest("12345", null, null, "  ", null, null, "PARKING", null, null, null, true, null)));

        assertThat(problem.fieldErrors()).containsOnlyKeys("callerPhone", "description", "category", "answerGiven");
    }

    @Test
    void asksADispatchedCallWhereButNotAQuestionAnsweredOnTheSpot() {
        var dispatched = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                new CallRequest("13812345678", null, null, "楼上每天半夜很吵", " ", null, "NOISE", null, null, null,
                        false, null)));
        var answered = normaliser.normalise(new CallRequest("13812345678", null, null, "医保卡丢了怎么补办", null,
                null, "OTHER", null, null, null, true, "带身份证到社保窗口补办"));

        assertThat(dispatched.fieldErrors()).containsOnlyKeys("location");
        assertThat(answered.resolvedOnCall()).isTrue();
        assertThat(answered.address()).isNull();
        assertThat(answered.location()).isNull();
    }

    @Test
    void takesAnAnswerFromAnArticleOnlyWhenTheArticleMayAnswerCallsToday() {
        var answered = normaliser.normalise(answeredFrom("KB-CARD-002", 3));
        var unknown = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                answeredFrom("KB-CARD-009", 1)));
        var unpublished = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                answeredFrom("KB-CARD-002", 4)));

        assertThat(answered.answeredFrom().articleId()).isEqualTo("KB-CARD-002");
        assertThat(unknown.fieldErrors()).containsOnlyKeys("answeredFromArticle");
        assertThat(unpublished.fieldErrors()).containsOnlyKeys("answeredFromArticle");
    }

    private static CallRequest answeredFrom(String article, int version) {
        return new CallRequest("13812345678", null, null, "社保卡丢了怎么补办", null, null, "OTHER", null, null, null,
                true, "带身份证到社保窗口补办", article, version);
    }

    @Test
    void textsTheAnswerOnlyOfACallAnsweredOnTheSpotToACallerWhoMayBeTexted() {
        var asked = normaliser.normalise(answerByText(true, false, null));
        var dispatched = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                answerByText(false, false, null)));
        var anonymous = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                answerByText(true, true, null)));
        var noTexts = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                answerByText(true, false, false)));

        assertThat(asked.textAnswer()).isTrue();
        assertThat(normaliser.normalise(answeredFrom("KB-CARD-002", 3)).textAnswer()).isFalse();
        assertThat(dispatched.fieldErrors()).containsOnlyKeys("textAnswer");
        assertThat(dispatched.errors()).extracting(FieldError::code).containsExactly("answered-on-call-only");
        assertThat(anonymous.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("textAnswer", "not-textable"));
        assertThat(noTexts.errors()).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("textAnswer", "not-textable"));
    }

    private static CallRequest answerByText(boolean resolvedOnCall, boolean anonymous, Boolean contactAllowed) {
        return new CallRequest(anonymous ? null : "13812345678", null, anonymous, "社保卡丢了怎么补办",
                resolvedOnCall ? null : "市西路口", null, "OTHER", null, contactAllowed, null, resolvedOnCall,
                resolvedOnCall ? "带身份证到社保窗口补办" : null, null, null, true);
    }

    @Test
    void letsAnAnonymousCallerGoWithoutANumberAndNeverTextsThem() {
        var call = normaliser.normalise(new CallRequest(null, null, true, "路灯坏了三天", "市西路口", null, null,
                null, true, null, null, null));

        assertThat(call.phoneE164()).isNull();
        assertThat(call.contactAllowed()).isFalse();
    }
}
