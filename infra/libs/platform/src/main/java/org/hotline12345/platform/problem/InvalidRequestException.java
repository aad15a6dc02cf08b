package org.hotline12345.platform.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that is well-formed JSON but says something the domain refuses (an unknown category, an impossible
 * phone number): answered 400 naming each bad field with the code of the rule it breaks ({@link FieldCodes}).
 * A field given without a code gets {@link FieldCodes#INVALID}.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    /** Each bad field with its message, none with a code of its own. */
    public InvalidRequestException(Map<String, String> fieldErrors) {
        this(byField(fieldErrors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList()));
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** One bad field and the {@code code} of the rule it breaks, e.g. {@code ("callerPhone", "phone", "…")}. */
    public InvalidRequestException(String field, String code, String message) {
        this(List.of(new FieldError(field, code, message)));
    }

    private InvalidRequestException(List<FieldError> errors) {
        super("The request has invalid fields: " + errors.stream().map(FieldError::field).toList());
        this.errors = errors;
    }

    /**
     * The bad fields, each with its code, one error a field (a field named twice keeps its first). A factory, not a
     * constructor, so that a map built in the argument still picks the constructor of messages.
     */
    public static InvalidRequestException of(Collection<FieldError> errors) {
        return new InvalidRequestException(byField(errors));
    }

    private static List<FieldError> byField(Collection<FieldError> errors) {
        Map<String, FieldError> first = new LinkedHashMap<>();
        errors.forEach(error -> first.putIfAbsent(error.field(), error));
        return first.values().stream().sorted(Comparator.comparing(FieldError::field)).toList();
    }

    /** Each bad field with its code and message, by field name. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Each bad field with its message. */
    public Map<String, String> fieldErrors() {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(error -> messages.put(error.field(), error.message()));
        return Map.copyOf(messages);
    }
}
