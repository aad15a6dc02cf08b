package org.hotline12345.notification.gateway.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.hotline12345.notification.gateway.ProviderResilience;
import org.junit.jupiter.api.Test;

/** What each of Alibaba Cloud's refusals means for the text and for everyone else's texts. */
class AliyunErrorsTest {

    @Test
    void oneNumbersFlowControlWaitsForTheSweepWithoutOpeningTheCircuitForEveryone() {
        AliyunException limited = new AliyunException("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1", 200);

        assertThat(AliyunSmsGateway.providerFault(limited)).isFalse();
        assertThat(limited.refusedForGood()).isFalse();
    }

    @Test
    void settingsTheProviderRefusesOpenTheCircuitSoThatTheyShow() {
        for (String code : new String[] {"SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound",
                "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.AMOUNT_NOT_ENOUGH", "Throttling.User"}) {
            assertThat(AliyunSmsGateway.providerFault(new AliyunException(code, "", 400))).as(code).isTrue();
        }
    }

    @Test
    void anAnswerThatMayHideASendIsLookedUpBeforeTheTextGoesAgain() {
        assertThat(new AliyunException("SignatureNonceUsed", "", 400).uncertain()).isTrue();
        assertThat(new AliyunException("ServiceUnavailable", "", 503).uncertain()).isTrue();
        assertThat(new AliyunException("isv.MOBILE_NUMBER_ILLEGAL", "", 200).uncertain()).isFalse();
        // an answer cut off after the provider sent its status line
        assertThat(ProviderResilience.outcomeUnknown(new IOException("Connection prematurely closed DURING response")))
                .isTrue();
    }

    @Test
    void aNumberTheProviderWillNeverTextFailsAtOnce() {
        assertThat(new AliyunException("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号", 200).refusedForGood()).isTrue();
    }
}
