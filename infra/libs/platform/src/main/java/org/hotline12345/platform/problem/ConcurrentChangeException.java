package org.hotline12345.platform.problem;

/**
 * Someone else changed the resource between the caller's read and write, so the write was refused rather than
 * undo their change: answered 409; reading it again and retrying is safe.
 */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String resource) {
        super("The " + resource + " was changed by someone else meanwhile; read it again and retry.");
    }
}
