package org.hotline12345.notification.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline12345.referencedata.City;
import org.junit.jupiter.api.Test;

class TextTemplatesTest {

    private final TextTemplates templates = new TextTemplates(City.sample().smsTemplates());

    @Test
    void rendersTheReceiptInChinese() {
        TextTemplates.Text text = templates.render("TicketReceived", "zh", Map.of(
                "ticketNumber", "12345-20261128-0001",
                "followLink", "https://12345.example.gov.cn/t/12345-20261128-0001.V07UV_pgGejwRSA5",
                "followToken", "V07UV_pgGejwRSA5")).orElseThrow();

        assertThat(text.body()).isEqualTo("【12345】您反映的问题已受理，工单号12345-20261128-0001。查询办理进度："
                + "https://12345.example.gov.cn/t/12345-20261128-0001.V07UV_pgGejwRSA5");
        assertThat(text.templateId()).isEqualTo("TicketReceived.zh");
        assertThat(text.values()).containsOnlyKeys("ticketNumber", "followLink");
    }

    @Test
    void rendersTheAssignmentInEnglish() {
        TextTemplates.Text text = templates.render("TicketAssigned", "en", Map.of("ticketNumber", "12345-1",
                "unitName", "Guiyang Water Group", "resolveBy", "2026-12-05 10:00")).orElseThrow();

        assertThat(text.body()).isEqualTo("[12345] Ticket 12345-1 is with Guiyang Water Group, due by 2026-12-05 10:00.");
        assertThat(text.language()).isEqualTo("en");
    }

    /** With the longest ticket numbers of a busy day and a city's own host in the link. */
    @Test
    void keepsEveryTemplateOfTheSampleCityWithinTwoSegments() {
        Map<String, String> values = Map.of("ticketNumber", "12345-20261128-000001", "unitName", "贵阳市城市管理局",
                "resolveBy", "2026-12-05 10:00", "reason", "需联合执法", "reply", "已处理", "code", "123456",
                "answer", "带身份证到社保窗口补办",
                "followLink", "https://12345.guiyang.gov.cn/t/12345-20261128-000001.V07UV_pgGejwRSA5",
                "followToken", "V07UV_pgGejwRSA5");
        for (String trigger : City.sample().smsTemplates().keySet()) {
            for (String language : new String[] {"zh", "en"}) {
                assertThat(templates.render(trigger, language, values).orElseThrow().segments())
                        .as(trigger + "." + language).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    void shortensALongReplySoTheTextStaysWithinItsSegments() {
        String longReply = "经现场核查，该烧烤店已于本周内完成整改，".repeat(12);

        TextTemplates.Text text = templates.fit("TicketResolved", "zh", Map.of("ticketNumber", "12345-20261128-0001",
                "reply", longReply), 2).orElseThrow();

        assertThat(text.segments()).isEqualTo(2);
        assertThat(text.body()).contains("…").endsWith("请回复：1满意 2基本满意 3不满意 0未解决。");
    }

    /**
     * An answer read out on the call may run to a knowledge article's length: the text carries as much of it as
     * its segments hold, cut with an ellipsis, rather than a text the provider splits into many or refuses.
     */
    @Test
    void shortensALongAnswerGivenOnTheCallWithAnEllipsisSoTheTextStaysWithinItsSegments() {
        String longAnswer = "补办社保卡请携带本人身份证到市民中心一楼社保窗口办理，现场拍照，一般十个工作日可取卡。".repeat(6);

        TextTemplates.Text text = templates.fit("AnswerGiven", "zh", Map.of("ticketNumber", "12345-20261128-0001",
                "answer", longAnswer), 2).orElseThrow();
        TextTemplates.Text shortAnswer = templates.fit("AnswerGiven", "en", Map.of("ticketNumber", "12345-1",
                "answer", "Bring your ID card to the service counter."), 2).orElseThrow();

        assertThat(text.segments()).isEqualTo(2);
        assertThat(text.body()).startsWith("【12345】您咨询的问题（工单12345-20261128-0001）答复如下：补办社保卡请携带本人身份证")
                .endsWith("…");
        assertThat(text.values().get("answer")).endsWith("…").hasSizeLessThan(longAnswer.length());
        assertThat(shortAnswer.body()).isEqualTo("[12345] The answer to your question (ticket 12345-1): Bring your ID "
                + "card to the service counter.");
        assertThat(shortAnswer.templateId()).isEqualTo("AnswerGiven.en");
    }

    @Test
    void refusesToSendATextWithAHoleInIt() {
        assertThatThrownBy(() -> templates.render("TicketAssigned", "zh", Map.of("ticketNumber", "1")))
                .hasMessageContaining("{unitName}");
    }

    @Test
    void textsNothingForEventsWithoutATemplate() {
        assertThat(templates.textsOn("TicketAccepted")).isFalse();
        assertThat(templates.render("TicketAccepted", "zh", Map.of())).isEmpty();
    }
}
