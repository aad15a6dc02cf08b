package org.hotline12345.platform.text;

/**
 * Full-width digits and Latin letters, as a Chinese keyboard types them, read as their ASCII forms: {@code １３８}
 * is {@code 138} to every rule that reads numbers and codes.
 */
public final class HalfWidth {

    private static final int FULL_TO_HALF = '\uFF10' - '0';

    private HalfWidth() {
    }

    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(of((char) c)));
        return out.toString();
    }

    public static char of(char c) {
        boolean fullWidthDigitOrLatin = (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A')
                || (c >= '\uFF41' && c <= '\uFF5A');
        return fullWidthDigitOrLatin ? (char) (c - FULL_TO_HALF) : c;
    }
}
