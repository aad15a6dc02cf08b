package org.hotline12345.intake.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline12345.contracts.Satisfaction;

/**
 * A citizen's rating of how their call was taken, from the follow page: the ticket's number and the token of the
 * link in their texts, as for the look-up, how satisfied they are, and an optional comment.
 */
record CallRatingRequest(String ticketNumber, String token, Satisfaction satisfaction, String comment) {

    /** The rating's own fields that are missing or too long, by name. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (satisfaction == null) {
            problems.put("satisfaction", "must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        if (comment != null && comment.length() > RatingRequest.COMMENT_LENGTH) {
            problems.put("comment", "must be at most " + RatingRequest.COMMENT_LENGTH + " characters");
        }
        return problems;
    }

    /** The comment without surrounding blanks, null when there is none. */
    String cleanComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
