package org.hotline12345.platform.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import org.hotline12345.platform.text.HalfWidth;

/**
 * Mainland China phone numbers as callers give them (mobiles, landlines with their area code, with or without
 * +86, 86 or 0086, spaces or dashes, full-width digits) to E.164; anything that cannot be a real mainland
 * number is refused, since the hub texts through a mainland SMS provider. The one reading of a number in the hub:
 * the keyed hash of this form is what finds a caller's tickets and ratings, so every service reads numbers here.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Reads the numbering metadata of every region now. The library reads a region's file from the classpath the
     * first time a number of it is parsed, which must not happen on a request's event-loop thread.
     */
    public static void loadMetadata() {
        UTIL.getSupportedRegions().forEach(UTIL::getExampleNumber);
        UTIL.getSupportedGlobalNetworkCallingCodes().forEach(UTIL::getExampleNumberForNonGeoEntity);
    }

    /** The E.164 form, or empty when the number is impossible. */
    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(HalfWidth.of(raw), "CN");
            return UTIL.isValidNumberForRegion(number, "CN")
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
