package org.hotline12345.notification.texts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void fitsUpTo160PlainLatinCharactersInOneSegment() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(306))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void countsGsmExtensionCharactersTwice() {
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void sendsChineseAsUcs2With70CharactersPerSegment() {
        assertThat(SmsSegments.count("热".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("热".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("热".repeat(134))).isEqualTo(2);
        assertThat(SmsSegments.count("热".repeat(135))).isEqualTo(3);
    }

    @Test
    void oneChineseCharacterTurnsAWholeLatinTextIntoUcs2() {
        assertThat(SmsSegments.count("a".repeat(100) + "号")).isEqualTo(2);
    }
}
