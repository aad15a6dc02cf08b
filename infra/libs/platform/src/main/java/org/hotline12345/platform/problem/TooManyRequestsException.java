package org.hotline12345.platform.problem;

import java.time.Duration;

/** The caller went over a request limit: answered 429 with {@code Retry-After}, nothing done. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super("Too many " + what + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
