package org.hotline12345.platform.problem;

/** The same {@code Idempotency-Key} came back with a different body: answered 422, nothing done. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body.");
    }
}
