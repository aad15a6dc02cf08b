package org.hotline12345.intake.normalise;

/**
 * Cleans free text typed by operators or citizens: control characters removed, runs of white space collapsed to
 * one space, trimmed, and full-width digits and Latin letters made half-width (so "１２３ＡＢＣ" searches as "123ABC").
 */
public final class TextCleaner {

    private static final int FULL_TO_HALF = 0xFEE0;

    private TextCleaner() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = halfWidth(text.charAt(i));
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(halfWidth((char) c)));
        return out.toString();
    }

    private static char halfWidth(char c) {
        boolean fullWidthDigitOrLatin = (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A')
                || (c >= '\uFF41' && c <= '\uFF5A');
        return fullWidthDigitOrLatin ? (char) (c - FULL_TO_HALF) : c;
    }
}
