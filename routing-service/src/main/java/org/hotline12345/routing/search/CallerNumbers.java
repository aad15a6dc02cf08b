package org.hotline12345.routing.search;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Mainland China phone numbers as a supervisor types them (with or without +86 or 0086, spaces or dashes, full-width
 * digits) to E.164, read exactly as intake reads a caller's number: the keyed hash of this form is what finds the
 * caller's tickets, so any other reading would find nothing.
 */
final class CallerNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int FULL_TO_HALF = '\uFF10' - '0';

    private CallerNumbers() {
    }

    /**
     * Reads the numbering metadata of every region now. The library reads a region's file from the classpath the
     * first time a number of it is parsed, which must not happen on a request's event-loop thread.
     */
    static void loadMetadata() {
        UTIL.getSupportedRegions().forEach(UTIL::getExampleNumber);
        UTIL.getSupportedGlobalNetworkCallingCodes().forEach(UTIL::getExampleNumberForNonGeoEntity);
    }

    /** The E.164 form, or empty when the number cannot be a mainland one. */
    static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(halfWidth(raw), "CN");
            return UTIL.isValidNumberForRegion(number, "CN")
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Full-width digits and Latin letters, as a Chinese keyboard types them, to their ASCII forms. */
    static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            boolean fullWidth = (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A')
                    || (c >= '\uFF41' && c <= '\uFF5A');
            out.append((char) (fullWidth ? c - FULL_TO_HALF : c));
        });
        return out.toString();
    }
}
