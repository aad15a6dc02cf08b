package org.hotline12345.platform.security;

/**
 * The characters Spring Security's strict firewall allows in a header's name and value, tested one character at a
 * time: the same sets as its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, a tab also
 * for values), which cost intake a fiftieth of its CPU per call matching every header, a token of a thousand
 * characters among them.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** A header name: every character assigned and none a control character; no name at all passes. */
    static boolean allowedInName(String name) {
        return allowed(name, false);
    }

    /** A header value: every character assigned and none a control character but a tab; no value passes. */
    static boolean allowedInValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        // the firewall asks about a header that is not there too
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // printable ASCII, nearly every header's every character, is assigned and no control
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (c == '\t' && tab) {
                continue;
            }
            int codePoint = text.codePointAt(i);
            if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.UNASSIGNED) {
                return false;
            }
            i += Character.charCount(codePoint) - 1;
        }
        return true;
    }
}
