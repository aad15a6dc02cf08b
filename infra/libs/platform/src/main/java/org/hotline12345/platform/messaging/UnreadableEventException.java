package org.hotline12345.platform.messaging;

/** A record that is not an event of its stream: no retry can make it readable, so it goes to the dead letters. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
