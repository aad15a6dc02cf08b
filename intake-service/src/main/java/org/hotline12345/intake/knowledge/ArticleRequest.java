package org.hotline12345.intake.knowledge;

import java.util.List;

/**
 * A unit's draft of an article, new or edited. Checked whole by {@link ArticleRules}, so that every bad field is
 * named at once and nothing is stored.
 *
 * @param districts district codes it holds for; empty or absent for the whole city
 * @param validFrom the first day it holds, {@code YYYY-MM-DD}
 * @param validUntil the last day it holds, {@code YYYY-MM-DD}; absent while it holds
 * @param revision the article's revision the edit was made on; required to edit, absent to create
 */
record ArticleRequest(String question, List<String> phrasings, String answer, String answerEn, String category,
        List<String> districts, String basis, String validFrom, String validUntil, Long revision) {
}
