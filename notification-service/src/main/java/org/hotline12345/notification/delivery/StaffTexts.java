package org.hotline12345.notification.delivery;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What staff may read of a text and what the logs may carry of its number. A text's one-time code and its follow
 * link's token each prove the citizen's number to intake, so whoever reads them could verify the number or open the
 * ticket as the citizen: staff see them masked, while the stored text stays what was sent.
 */
final class StaffTexts {

    /** The template values that are secrets of the citizen's, shown as {@link #CODE_MASK} or {@link #TOKEN_MASK}. */
    static final Set<String> SECRET_VALUES = Set.of("code", "followToken");
    static final char CODE_MASK = '*';
    static final String TOKEN_MASK = "••••";

    /** A follow link wherever it stands, {@code …/t/{ticketNumber}.{token}}, also one made before the values were. */
    private static final Pattern FOLLOW_LINK = Pattern.compile("(/t/[A-Za-z0-9-]+)\\.[A-Za-z0-9_-]+");

    private StaffTexts() {
    }

    /** {@code text} with the secrets of {@code values} and any follow link's token masked. */
    static String masked(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (values != null) {
            for (String name : SECRET_VALUES) {
                String secret = values.get(name);
                if (secret != null && !secret.isBlank()) {
                    masked = maskWhole(masked, secret, "code".equals(name)
                            ? String.valueOf(CODE_MASK).repeat(secret.length()) : TOKEN_MASK);
                }
            }
        }
        return FOLLOW_LINK.matcher(masked).replaceAll(link -> Matcher.quoteReplacement(link.group(1) + "."
                + TOKEN_MASK));
    }

    /**
     * The part of a number the logs may carry: its first digits only. A masked number's last four digits are what a
     * caller's look-up asked for, so a log beside the ticket number must not hold them.
     */
    static String forLogs(String maskedPhone) {
        if (maskedPhone == null) {
            return "a number";
        }
        int hidden = maskedPhone.indexOf('*');
        return (hidden < 0 ? "" : maskedPhone.substring(0, hidden)) + "****";
    }

    /** {@code text} with each {@code secret} standing alone (not inside a longer word or number) replaced. */
    private static String maskWhole(String text, String secret, String mask) {
        return Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(secret) + "(?![A-Za-z0-9_-])").matcher(text)
                .replaceAll(Matcher.quoteReplacement(mask));
    }
}
