package org.hotline12345.referencedata;

import java.util.Optional;
import org.hotline12345.contracts.Priority;

/**
 * A category of the taxonomy, with its labels, the priority a ticket of it gets by default ({@code NORMAL} where
 * the city's folder gives none), whether the centre reviews a unit's return of such a ticket (退单审核) before
 * it goes to another unit ({@code returnReview}, true where the folder does not say; false keeps the automatic
 * re-route by the rules), and the code of its {@link UrgencyClass} ({@code urgencyClass}, {@code null} where the
 * folder names none: such a ticket keeps the time limits of its priority).
 */
public record Category(String code, String zh, String en, Priority defaultPriority, boolean returnReview,
        String urgencyClass) {

    /** A category whose returns the centre reviews, without an urgency class. */
    public Category(String code, String zh, String en, Priority defaultPriority) {
        this(code, zh, en, defaultPriority, true, null);
    }

    /** A category without an urgency class. */
    public Category(String code, String zh, String en, Priority defaultPriority, boolean returnReview) {
        this(code, zh, en, defaultPriority, returnReview, null);
    }

    /** The code of the category's urgency class, where the city's folder names one. */
    public Optional<String> urgencyClassCode() {
        return Optional.ofNullable(urgencyClass);
    }
}
