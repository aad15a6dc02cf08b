package org.hotline12345.platform.problem;

import jakarta.validation.ConstraintViolation;

/**
 * One bad field of a request, as listed in a 400 problem's {@code errors}: {@code code} names the broken rule
 * ({@link FieldCodes}) for pages to say in the reader's language, {@code message} says it in English for API users.
 */
public record FieldError(String field, String code, String message) {

    /** A field that breaks a rule with no code of its own: {@link FieldCodes#INVALID}. */
    public FieldError(String field, String message) {
        this(field, FieldCodes.INVALID, message);
    }

    /** The field a bean-validation violation names, with the code of its constraint. */
    public static FieldError of(ConstraintViolation<?> violation) {
        return new FieldError(violation.getPropertyPath().toString(), FieldCodes.ofConstraint(
                violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                violation.getMessage());
    }
}
