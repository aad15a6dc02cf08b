package org.hotline12345.platform.problem;

import java.util.Locale;

/**
 * The {@code code} of one bad field in a validation problem: one per rule, the same whichever field breaks it, so a
 * page can say "必填" or "required" without reading the English {@code message}. A constraint of a service's own
 * (an annotation not listed here) is its name in kebab case: {@code @PlainText} is {@code plain-text}.
 */
public final class FieldCodes {

    /** Missing or blank ({@code @NotBlank}, {@code @NotNull}, {@code @NotEmpty}). */
    public static final String REQUIRED = "required";
    /** Too long or too short ({@code @Size}). */
    public static final String SIZE = "size";
    /** Not in the expected form ({@code @Pattern}, {@code @Email}, an unparseable value). */
    public static final String FORMAT = "format";
    /** Outside the allowed values or time ({@code @Min}, {@code @Max}, {@code @Positive}, {@code @Future}, …). */
    public static final String RANGE = "range";
    /** JSON of the wrong type for the field, e.g. a word where a number belongs, or an unknown enum value. */
    public static final String TYPE = "type";
    /** A field the request does not have. */
    public static final String UNKNOWN_FIELD = "unknown-field";
    /** A value that is not one the city knows (a category, unit or grid code). */
    public static final String UNKNOWN = "unknown";
    /** Any other rule: the field's {@code message} says which. */
    public static final String INVALID = "invalid";

    private FieldCodes() {
    }

    /** The code of a broken bean-validation constraint, by the annotation's simple name ({@code NotBlank}). */
    public static String ofConstraint(String constraint) {
        if (constraint == null || constraint.isBlank()) {
            return INVALID;
        }
        return switch (constraint) {
            case "NotBlank", "NotNull", "NotEmpty" -> REQUIRED;
            case "Size", "Length" -> SIZE;
            case "Pattern", "Email" -> FORMAT;
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative",
                    "NegativeOrZero", "Digits", "Range", "Past", "PastOrPresent", "Future", "FutureOrPresent" -> RANGE;
            case "typeMismatch" -> TYPE;
            case "AssertTrue", "AssertFalse", "Null", "Valid" -> INVALID;
            default -> kebab(constraint);
        };
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
