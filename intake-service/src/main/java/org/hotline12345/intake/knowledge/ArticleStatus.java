package org.hotline12345.intake.knowledge;

/**
 * Where an article's latest edit stands. An article published once stays searchable through later drafts, reviews
 * and send-backs of a new version; only retiring it takes it out of the search.
 */
public enum ArticleStatus {
    /** The unit is writing a draft. */
    DRAFT,
    /** The unit submitted the draft; an editor has to publish it or send it back. */
    IN_REVIEW,
    /** The draft is the published version; nothing is pending. */
    PUBLISHED,
    /** An editor sent the draft back with a reason; the unit edits it and submits again. */
    SENT_BACK,
    /** Out of use: no longer searched, kept with its history. */
    RETIRED
}
