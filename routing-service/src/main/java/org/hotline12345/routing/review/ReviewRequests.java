package org.hotline12345.routing.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The bodies of the review's requests, and a return or a request for more time as the review queues list them. */
final class ReviewRequests {

    /** Text without control characters but line breaks, as the workflow's requests take it. */
    static final String PLAIN_TEXT = "[^\\x00-\\x09\\x0B-\\x1F\\x7F]*";
    static final String PLAIN_TEXT_MESSAGE = "must not hold control characters";

    private ReviewRequests() {
    }

    /** The centre upholds a return: the unit the ticket goes to (the rules' suggestion when absent), and why. */
    record Uphold(@Pattern(regexp = "[A-Z_]{2,40}") String unitId,
            @NotBlank @Size(max = 500) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reason) {
    }

    /** The centre rejects a return: why the ticket is the returning unit's after all. */
    record Reject(
            @NotBlank @Size(max = 500) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reason) {
    }

    /**
     * A return waiting for the centre: the ticket, the unit that returned it and why, when, by when the centre should
     * decide ({@code overdue} once that has passed), the deadlines the unit keeps if the return is rejected, and the
     * unit the rules would send the ticket to next ({@code null} when no other unit's rule matches).
     */
    record WaitingReturn(String ticketId, String ticketNumber, String category, String district, String description,
            String priority, String unitId, String unitName, String reasonCode, String reasonText, String basis,
            int returns, Instant returnedAt, Instant reviewBy, boolean overdue, Instant acceptBy, Instant resolveBy,
            String suggestedUnitId, String suggestedUnitName) {
    }

    /**
     * The centre approves a unit's request for more time: to the deadline asked for, or to the earlier
     * {@code resolveBy} given; {@code reason} is required when it grants less than asked.
     */
    record Approve(Instant resolveBy,
            @Size(max = 500) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reason) {
    }

    /** The centre refuses a unit's request for more time: why the deadline stands. */
    record Refuse(
            @NotBlank @Size(max = 500) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reason) {
    }

    /**
     * A request for more time waiting for the centre: the ticket and its status, the unit and who of it asked, why,
     * when, the deadline that stands and runs meanwhile ({@code resolveBy}; {@code resolveOverdue} once it passed)
     * and the one asked for, how many extensions the ticket had already, and by when the centre should decide
     * ({@code overdue} once that has passed).
     */
    record WaitingExtension(String ticketId, String ticketNumber, String category, String district,
            String description, String priority, String status, String unitId, String unitName, String reason,
            String requestedBy, Instant requestedAt, Instant resolveBy, Instant requestedResolveBy, int extensions,
            Instant decideBy, boolean overdue, boolean resolveOverdue) {
    }
}
