package org.hotline12345.notification.gateway.aliyun;

import java.util.Set;

/**
 * Alibaba Cloud refused a call with a code: an API gateway error (signature, throttling; an HTTP error status) or an
 * SMS business error ({@code isv.*}, {@code isp.*}; in a 200 answer).
 */
final class AliyunException extends RuntimeException {

    /**
     * The account's limits and the provider's outages, and settings of ours the provider refuses (keys, signature,
     * sign name, templates): no text can go until they pass, so the circuit counts them, stops calling and shows
     * them in health and on the dashboard, instead of each text using up its attempts unseen.
     */
    private static final Set<String> PROVIDER_FAULTS = Set.of("Throttling", "Throttling.User", "Throttling.Api",
            "isv.DAY_LIMIT_CONTROL", "isv.MONTH_LIMIT_CONTROL", "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
            "isp.SYSTEM_ERROR", "InternalError", "ServiceUnavailable", "SignatureNonceUsed",
            "SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive", "InvalidTimeStamp.Expired", "isp.RAM_PERMISSION_DENY",
            "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL", "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.SMS_SIGNATURE_SCENE_ILLEGAL", "isv.SIGN_STATE_ILLEGAL", "isv.PRODUCT_UN_SUBSCRIPT",
            "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL");
    /**
     * The provider may have taken the text: it failed inside, or saw this very request already (a nonce is never
     * reused, so a used one means a copy of the request got there first). It is asked before the text is sent again.
     */
    private static final Set<String> UNCERTAIN = Set.of("isp.SYSTEM_ERROR", "InternalError", "ServiceUnavailable",
            "SignatureNonceUsed");
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
