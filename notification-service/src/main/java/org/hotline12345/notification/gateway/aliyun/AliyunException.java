package org.hotline12345.notification.gateway.aliyun;

import java.util.Set;

/**
 * Alibaba Cloud refused a call with a code: an API gateway error (signature, throttling; an HTTP error status) or an
 * SMS business error ({@code isv.*}, {@code isp.*}; in a 200 answer).
 */
final class AliyunException extends RuntimeException {

    /** The provider's limits and outages: the text can go later, and the circuit should count them. */
    private static final Set<String> PROVIDER_FAULTS = Set.of("Throttling", "Throttling.User", "Throttling.Api",
            "isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
            "isp.SYSTEM_ERROR", "InternalError", "ServiceUnavailable", "SignatureNonceUsed");
    /** The provider failed inside: it may have taken the text, so it is asked before the text is sent again. */
    private static final Set<String> UNCERTAIN = Set.of("isp.SYSTEM_ERROR", "InternalError", "ServiceUnavailable");
    /** Nothing about this text will ever be accepted: it fails at once instead of using up its attempts. */
    private static final Set<String> REFUSED_FOR_GOOD = Set.of("isv.MOBILE_NUMBER_ILLEGAL",
            "isv.BLACK_KEY_CONTROL_LIMIT", "isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "isv.SMS_CONTENT_ILLEGAL");

    private final String code;
    private final int status;

    AliyunException(String code, String message, int status) {
        super(code + ": " + message);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    boolean providerFault() {
        return PROVIDER_FAULTS.contains(code) || status >= 500;
    }

    boolean uncertain() {
        return UNCERTAIN.contains(code) || status >= 500;
    }

    boolean refusedForGood() {
        return REFUSED_FOR_GOOD.contains(code);
    }
}
