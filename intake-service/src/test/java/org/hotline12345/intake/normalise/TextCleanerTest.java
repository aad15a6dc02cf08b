package org.hotline12345.intake.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void collapsesWhiteSpaceAndTrims() {
        assertThat(TextCleaner.clean("  楼下\t\t烧烤店\n\n很吵  ")).isEqualTo("楼下 烧烤店 很吵");
    }

    @Test
    void removesControlAndInvisibleFormatCharacters() {
        assertThat(TextCleaner.clean("water\u0000 pipe\u200B burst\u0007")).isEqualTo("water pipe burst");
    }

    @Test
    void makesFullWidthDigitsAndLatinLettersHalfWidthButKeepsChinesePunctuation() {
        assertThat(TextCleaner.clean("中华北路１８号ＡＢ栋，３楼")).isEqualTo("中华北路18号AB栋，3楼");
    }

    @Test
    void treatsTheIdeographicSpaceAsASpace() {
        assertThat(TextCleaner.clean("云岩区\u3000中华北路")).isEqualTo("云岩区 中华北路");
    }
}
