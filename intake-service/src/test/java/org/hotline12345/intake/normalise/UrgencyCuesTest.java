package org.hotline12345.intake.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.contracts.Urgency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrgencyCuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "楼道里有很重的煤气味，请赶紧派人        | URGENT",
            "小区配电箱起火了                          | URGENT",
            "地下车库淹水了，车都泡了                  | URGENT",
            "路边电线掉下来了，很危险                  | URGENT",
            "There is a strong smell of gas in the lobby | URGENT",
            "Downed power line on Zhonghua Road        | URGENT",
            "我们小区从早上开始停水                    | HIGH",
            "Power cut in our building since 6am       | HIGH",
            "整栋楼停电了                              | HIGH"})
    void infersUrgencyFromWhatTheCallerSays(String text, Urgency urgency) {
        assertThat(UrgencyCues.infer(text)).get().extracting(UrgencyCues.Inferred::urgency).isEqualTo(urgency);
    }

    @ParameterizedTest
    @ValueSource(strings = {"楼下烧烤店很吵", "The street light has been broken for a week", "咨询社保缴费政策"})
    void findsNothingPressingInAnOrdinaryComplaint(String text) {
        assertThat(UrgencyCues.infer(text)).isEmpty();
    }
}
