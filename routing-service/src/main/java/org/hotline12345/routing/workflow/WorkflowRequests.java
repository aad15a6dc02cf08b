package org.hotline12345.routing.workflow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.hotline12345.contracts.ResolutionResult;

/** The bodies of the workflow's requests, and the answer to a return. */
final class WorkflowRequests {

    /**
     * Text without control characters but line breaks: a reply is texted to the citizen and rendered in Open311's
     * XML, where a stray control character breaks the message or the document.
     */
    static final String PLAIN_TEXT = "[^\\x00-\\x09\\x0B-\\x1F\\x7F]*";
    static final String PLAIN_TEXT_MESSAGE = "must not hold control characters";

    private WorkflowRequests() {
    }

    /**
     * A return (退单): why the ticket is not this unit's business ({@code reasonCode} one of
     * {@link org.hotline12345.routing.assignment.ReturnReason}'s), and optionally the law or list of duties it
     * rests on.
     */
    record Reject(@NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String reasonCode,
            @NotBlank @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reasonText,
            @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String basis) {
    }

    /**
     * The answer to a return: the ticket left the unit's work ({@code returned} is always true); {@code status} is
     * {@code RETURN_REVIEW} while the centre reviews the return, absent when it was placed again at once.
     */
    record Returned(String ticketId, String ticketNumber, boolean returned, String status) {
    }

    /** An extension (延期): the new resolve deadline and why. */
    record Extend(@NotNull Instant resolveBy,
            @NotBlank @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reason) {
    }

    /** A progress note. */
    record Progress(
            @NotBlank @Size(max = 2000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String note) {
    }

    /**
     * A resolution (办结): the result, and the reply the citizen will read; {@code replyPublic} lets the reply also be
     * shown publicly (Open311), which is off unless the unit says so.
     */
    record Resolve(@NotNull ResolutionResult result,
            @NotBlank @Size(max = 500) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reply,
            Boolean replyPublic) {

        boolean publishReply() {
            return Boolean.TRUE.equals(replyPublic);
        }
    }

    /**
     * A supervisor's dispatch of a ticket to a unit, with the reason, and the supporting units (协办) that each answer
     * their part to it.
     */
    record Assign(@NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String unitId, @NotBlank @Size(max = 500) String reason,
            @Pattern(regexp = "URGENT|HIGH|NORMAL|CONSULTATION") String priority,
            @Size(max = 10) List<@NotNull @Pattern(regexp = "[A-Z_]{2,40}") String> coUnitIds) {

        List<String> supportingUnits() {
            return coUnitIds == null ? List.of() : coUnitIds;
        }
    }
}
