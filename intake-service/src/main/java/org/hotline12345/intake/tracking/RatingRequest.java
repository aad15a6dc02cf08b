package org.hotline12345.intake.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline12345.contracts.Satisfaction;

/**
 * A citizen's rating from the follow page: the ticket's number and the token of the link in their texts, as for the
 * look-up, whether the problem is solved, how satisfied they are, and an optional comment.
 */
record RatingRequest(String ticketNumber, String token, Boolean solved, Satisfaction satisfaction,
        String comment) {

    static final int COMMENT_LENGTH = 500;

    /** The rating's own fields that are missing or too long, by name. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (solved == null) {
            problems.put("solved", "must say whether the problem is solved");
        }
        if (satisfaction == null) {
            problems.put("satisfaction", "must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        if (comment != null && comment.length() > COMMENT_LENGTH) {
            problems.put("comment", "must be at most " + COMMENT_LENGTH + " characters");
        }
        return problems;
    }

    /** The comment without surrounding blanks, null when there is none. */
    String cleanComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
