package org.hotline12345.platform.problem;

import java.util.Map;

/**
 * A request that is well-formed JSON but says something the domain refuses (an unknown category, an impossible
 * phone number): answered 400 naming each bad field.
 */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRequestException(Map<String, String> fieldErrors) {
        super("The request has invalid fields: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public InvalidRequestException(String field, String message) {
        this(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
