package org.hotline12345.intake.knowledge;

/**
 * An operator's flag on an article, or the note a unit or an editor closes one with.
 *
 * @param reason {@code WRONG} or {@code OUTDATED}; required to flag, absent to close
 * @param note what is wrong or outdated (required to flag), or what was done about it (optional to close)
 */
record FlagRequest(ArticleFlag.Reason reason, String note) {
}
