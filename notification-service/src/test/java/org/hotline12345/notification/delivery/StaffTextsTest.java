package org.hotline12345.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffTextsTest {

    private static final String TOKEN = "Ab-3_x9Qk2LmN0pZ";
    private static final Map<String, String> VALUES = Map.of("ticketNumber", "12345-20261206-0001",
            "code", "202612", "followToken", TOKEN,
            "followLink", "https://12345.example.gov.cn/t/12345-20261206-0001." + TOKEN);

    @Test
    void masksTheCodeAndTheLinksTokenButNotTheTicketNumber() {
        String sent = "【12345】网上诉求已受理，工单号12345-20261206-0001，验证码202612。验证及查询："
                + "https://12345.example.gov.cn/t/12345-20261206-0001." + TOKEN + " 非本人请忽略。";

        assertThat(StaffTexts.masked(sent, VALUES)).isEqualTo("【12345】网上诉求已受理，工单号12345-20261206-0001，"
                + "验证码******。验证及查询：https://12345.example.gov.cn/t/12345-20261206-0001.•••• 非本人请忽略。");
    }

    @Test
    void masksAnEnglishCodeAndALinkWhoseValuesWereNotKept() {
        assertThat(StaffTexts.masked("12345: Code 481516", Map.of("code", "481516"))).isEqualTo("12345: Code ******");
        assertThat(StaffTexts.masked("Follow: http://127.0.0.1:8081/t/12345-20261206-0001." + TOKEN, null))
                .isEqualTo("Follow: http://127.0.0.1:8081/t/12345-20261206-0001.••••");
    }

    @Test
    void logsNoneOfTheLastFourDigits() {
        assertThat(StaffTexts.forLogs("138****5678")).isEqualTo("138****");
        assertThat(StaffTexts.forLogs("*******")).isEqualTo("****");
        assertThat(StaffTexts.forLogs(null)).doesNotContainPattern("\\d");
    }
}
