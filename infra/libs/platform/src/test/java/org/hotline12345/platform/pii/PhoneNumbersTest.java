package org.hotline12345.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "13812345678, +8613812345678",
            "138 1234 5678, +8613812345678",
            "138-1234-5678, +8613812345678",
            "+86 138 1234 5678, +8613812345678",
            "0086 13812345678, +8613812345678",
            "008613812345678, +8613812345678",
            "8613812345678, +8613812345678",
            "+8613812345678, +8613812345678",
            "１３８１２３４５６７８, +8613812345678",
            "0851-86123456, +8685186123456",
            "(0851) 8612 3456, +8685186123456",
            "010 6512 3456, +861065123456"})
    void normalisesMainlandNumbersToE164(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1381234567", "23812345678", "phone me", "", "+1 415 555 0100x"})
    void refusesImpossibleNumbers(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }
}
