package org.hotline12345.intake.channels;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.intake.tickets.CallRequest;

/**
 * A problem a grid worker found on patrol, where it is and in which grid: the grid the reporter's token names. Nobody
 * is texted about it.
 */
public record GridReportRequest(@NotBlank @Size(max = 2000) String description,
        @NotNull @Valid CallRequest.Location location, @NotBlank @Pattern(regexp = "[A-Z]{2}-[0-9]{2,4}") String gridId,
        @Pattern(regexp = "[A-Z_]{2,40}") String category, Urgency urgency, @Size(max = 200) String address) {

    CallRequest asCall() {
        return new CallRequest(null, null, true, description, address, location, category, urgency, false, null,
                false, null);
    }
}
