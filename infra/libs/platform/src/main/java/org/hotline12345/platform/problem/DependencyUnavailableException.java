package org.hotline12345.platform.problem;

/** A dependency (the broker, the database) did not answer within its bound: answered 503, nothing kept. */
public class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String message) {
        super(message);
    }

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
