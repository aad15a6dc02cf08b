package org.hotline12345.platform.problem;

import org.springframework.http.HttpStatusCode;

/**
 * The {@code code} of every problem the hub answers with: stable, so that a page can say it in the reader's language
 * while {@code detail} stays English for API users. The README's API section lists them.
 */
public final class ProblemCodes {

    /** 400: fields break their rules; {@code errors} lists each with its own {@link FieldCodes code}. */
    public static final String VALIDATION = "validation";
    /** 400: the body is not JSON at all. */
    public static final String UNREADABLE = "unreadable";
    /** 400: any other malformed request (a missing parameter, an address the firewall refuses). */
    public static final String BAD_REQUEST = "bad-request";
    /** 401: no valid bearer token. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 403: the token's roles may not do this. */
    public static final String FORBIDDEN = "forbidden";
    /** 404: with {@code resource}, the kind of thing not found (never its id). */
    public static final String NOT_FOUND = "not-found";
    /** 405. */
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** 406. */
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    /** 409: with {@code currentState}, and {@code action} and {@code rule} where known. */
    public static final String TRANSITION = "transition";
    /** 409: someone else changed it meanwhile; read it again and retry. */
    public static final String CONCURRENT_CHANGE = "concurrent-change";
    /** 413. */
    public static final String TOO_LARGE = "too-large";
    /** 415. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** 422: an {@code Idempotency-Key} came back with another body. */
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    /** 429: with {@code retryAfter} in seconds, as the {@code Retry-After} header says. */
    public static final String TOO_MANY_REQUESTS = "too-many-requests";
    /** 500. */
    public static final String SERVER_ERROR = "server-error";
    /** 503: the broker or the database did not answer in time; nothing was kept. */
    public static final String DEPENDENCY_UNAVAILABLE = "dependency-unavailable";

    private ProblemCodes() {
    }

    /** The code of a problem nothing more specific is known of than its status. */
    public static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONCURRENT_CHANGE;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> IDEMPOTENCY_KEY_REUSED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> DEPENDENCY_UNAVAILABLE;
            default -> status.is5xxServerError() ? SERVER_ERROR : BAD_REQUEST;
        };
    }
}
