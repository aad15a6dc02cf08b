package org.hotline12345.intake.knowledge;

/**
 * A step of the workflow on the revision of the article it was decided on: submit, publish, send back or retire.
 *
 * @param revision the article's revision as the caller read it; a step on a stale read is refused with 409
 * @param reason why the article is sent back (required then), or retired (optional)
 */
record ArticleDecision(Long revision, String reason) {
}
