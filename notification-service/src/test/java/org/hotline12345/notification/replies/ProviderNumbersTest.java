package org.hotline12345.notification.replies;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline12345.platform.pii.PhoneNumbers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A citizen's reply finds their ticket only when the provider's number reads as the one intake stored: every form a
 * provider sends reads as intake's reading of the number the caller gave.
 */
class ProviderNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+8613812345678", "8613812345678", "008613812345678", "13812345678", "+86 138 1234 5678"})
    void everyFormTheProviderSendsReadsAsIntakeReadTheCallersNumber(String from) {
        assertThat(InboundReplies.mainlandE164(from)).isEqualTo(PhoneNumbers.toE164("138 1234 5678").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0851-86123456", "+86 851 8612 3456", "8685186123456"})
    void aLandlineReadsAsIntakeReadsIt(String from) {
        assertThat(InboundReplies.mainlandE164(from)).isEqualTo(PhoneNumbers.toE164("0851 8612 3456").orElseThrow());
    }
}
