package org.hotline12345.notification.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.contracts.Satisfaction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1                          | true  | SATISFIED",
            "１                         | true  | SATISFIED",
            "回复1                      | true  | SATISFIED",
            "【1】谢谢                   | true  | SATISFIED",
            "1。谢谢你们的帮助           | true  | SATISFIED",
            " 2                         | true  | BASICALLY_SATISFIED",
            "我选2                      | true  | BASICALLY_SATISFIED",
            "3                          | true  | DISSATISFIED",
            "3，谢谢                     | true  | DISSATISFIED",
            "0                          | false | DISSATISFIED",
            "0 还没有解决                | false | DISSATISFIED",
            "满意                        | true  | SATISFIED",
            "非常满意！辛苦了            | true  | SATISFIED",
            "基本满意                    | true  | BASICALLY_SATISFIED",
            "还行吧                      | true  | BASICALLY_SATISFIED",
            "不满意                      | true  | DISSATISFIED",
            "很不满意，态度差            | true  | DISSATISFIED",
            "已解决但是不满意            | true  | DISSATISFIED",
            "问题未解决                  | false | DISSATISFIED",
            "根本没有解决！！            | false | DISSATISFIED",
            "已解决                      | true  | SATISFIED",
            "Satisfied                   | true  | SATISFIED",
            "very satisfied, thanks      | true  | SATISFIED",
            "basically satisfied         | true  | BASICALLY_SATISFIED",
            "OK                          | true  | BASICALLY_SATISFIED",
            "Not satisfied at all        | true  | DISSATISFIED",
            "dissatisfied                | true  | DISSATISFIED",
            "not solved                  | false | DISSATISFIED",
            "It is still not fixed       | false | DISSATISFIED"})
    void readsARatingAsAPersonWould(String text, boolean solved, Satisfaction satisfaction) {
        Reply reply = ReplyParser.parse(text);

        assertThat(reply.kind()).isEqualTo(Reply.Kind.RATING);
        assertThat(reply.solved()).isEqualTo(solved);
        assertThat(reply.satisfaction()).isEqualTo(satisfaction);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TD", "td", "T", "STOP", "stop.", "退订", "Unsubscribe"})
    void readsAnOptOut(String text) {
        assertThat(ReplyParser.parse(text).kind()).isEqualTo(Reply.Kind.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "你好", "请问什么时候来修？", "1 3", "2还是3", "1 不满意", "满意又不满意",
            "call me on 13812345678", "0 满意", "what?"})
    void findsNothingClearInNoiseOrContradictions(String text) {
        assertThat(ReplyParser.parse(text).kind()).isEqualTo(Reply.Kind.UNCLEAR);
    }
}
