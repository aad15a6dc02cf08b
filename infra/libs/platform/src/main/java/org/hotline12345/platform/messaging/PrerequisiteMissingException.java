package org.hotline12345.platform.messaging;

/**
 * An event that needs another one first (of another topic, so with no order between them) which has not arrived:
 * the consumer waits for it, retrying with back-off, instead of dead-lettering the event.
 */
public class PrerequisiteMissingException extends RuntimeException {

    public PrerequisiteMissingException(String message) {
        super(message);
    }
}
