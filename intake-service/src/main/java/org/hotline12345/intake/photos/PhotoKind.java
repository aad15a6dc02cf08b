package org.hotline12345.intake.photos;

/** What a photo shows. */
public enum PhotoKind {
    /** What the caller sent: attached by the operator, or added by the citizen on the follow page. */
    CALLER,
    /** The place before the handling unit's work, taken by the unit or the grid worker on the spot. */
    BEFORE,
    /** The place after the handling unit's work: shown to the citizen as the proof of it. */
    AFTER;

    /** Whether the citizen who follows the ticket sees photos of this kind. */
    boolean forCitizen() {
        return this != BEFORE;
    }
}
