package org.hotline12345.intake.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class CallNormaliserTest {

    private final CallNormaliser normaliser = new CallNormaliser(Set.of("NOISE", "OTHER"));

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
    void sendsACallWithoutCategoryToOther() {
        var call = normaliser.normalise(new CallRequest("13812345678", null, null, "something odd here", "somewhere",
                null, null, null, null, null, null, null));

        assertThat(call.category()).isEqualTo("OTHER");
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        var problem = catchThrowableOfType(InvalidRequestException.class, () -> normaliser.normalise(
                new CallRequest("12345", null, null, "  ", null, null, "PARKING", null, null, null, true, null)));

        assertThat(problem.fieldErrors()).containsOnlyKeys("callerPhone", "description", "location", "category",
                "answerGiven");
    }

    @Test
    void letsAnAnonymousCallerGoWithoutANumberAndNeverTextsThem() {
        var call = normaliser.normalise(new CallRequest(null, null, true, "路灯坏了三天", "市西路口", null, null,
                null, true, null, null, null));

        assertThat(call.phoneE164()).isNull();
        assertThat(call.contactAllowed()).isFalse();
    }
}
