package org.hotline12345.intake.normalise;

import org.hotline12345.platform.text.HalfWidth;

/**
 * Cleans free text typed by operators or citizens: control characters removed, runs of white space collapsed to
 * one space, trimmed, and full-width digits and Latin letters made half-width (so "１２３ＡＢＣ" searches as "123ABC").
 */
public final class TextCleaner {

    private TextCleaner() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = HalfWidth.of(text.charAt(i));
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

}
