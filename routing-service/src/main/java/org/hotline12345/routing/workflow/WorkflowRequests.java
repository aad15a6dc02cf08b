package org.hotline12345.routing.workflow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hotline12345.contracts.ResolutionResult;

/** The bodies of the workflow's requests. */
final class WorkflowRequests {

    private WorkflowRequests() {
    }

    /** A return (退单): why the ticket is not this unit's business. */
    record Reject(@NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String reasonCode,
            @NotBlank @Size(max = 1000) String reasonText) {
    }

    /** An extension (延期): the new resolve deadline and why. */
    record Extend(@NotNull Instant resolveBy, @NotBlank @Size(max = 1000) String reason) {
    }

    /** A progress note. */
    record Progress(@NotBlank @Size(max = 2000) String note) {
    }

    /** A resolution (办结): the result, and the reply the citizen will read. */
    record Resolve(@NotNull ResolutionResult result, @NotBlank @Size(max = 500) String reply) {
    }

    /** A supervisor's dispatch of a ticket to a unit, with the reason. */
    record Assign(@NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String unitId, @NotBlank @Size(max = 500) String reason,
            @Pattern(regexp = "URGENT|HIGH|NORMAL|CONSULTATION") String priority) {
    }
}
