package org.hotline12345.notification.texts;

/**
 * How many SMS segments a text takes. A text entirely in the GSM 03.38 alphabet travels 7-bit: 160 characters in
 * one segment, 153 per segment when split (the extension characters count twice). Anything else, Chinese
 * included, travels UCS-2: 70 characters in one segment, 67 per segment when split.
 */
public final class SmsSegments {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static int count(String text) {
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length() && gsm; i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
            }
        }
        if (gsm) {
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
