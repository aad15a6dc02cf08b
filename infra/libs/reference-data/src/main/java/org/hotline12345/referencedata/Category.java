package org.hotline12345.referencedata;

import org.hotline12345.contracts.Priority;

/**
 * A category of the taxonomy, with its labels, the priority a ticket of it gets by default ({@code NORMAL} where
 * the city's folder gives none), and whether the centre reviews a unit's return of such a ticket (退单审核) before
 * it goes to another unit ({@code returnReview}, true where the folder does not say; false keeps the automatic
 * re-route by the rules).
 */
public record Category(String code, String zh, String en, Priority defaultPriority, boolean returnReview) {

    /** A category whose returns the centre reviews. */
    public Category(String code, String zh, String en, Priority defaultPriority) {
        this(code, zh, en, defaultPriority, true);
    }
}
