package org.hotline12345.contracts;

/**
 * The category the classifier read from the citizen's words when the caller gave none.
 *
 * @param category the most likely category
 * @param confidence how sure the classifier was, between 0 and 1
 * @param needsTriage the confidence was below the threshold: the ticket was filed as {@code OTHER} for a supervisor
 */
public record CategorySuggestion(String category, double confidence, boolean needsTriage) {
}
