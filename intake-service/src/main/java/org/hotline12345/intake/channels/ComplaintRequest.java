package org.hotline12345.intake.channels;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hotline12345.intake.tickets.CallRequest;

/**
 * A complaint from the city website's form. A phone number is required: it is how the citizen hears back and
 * looks the ticket up. {@code publish} is the citizen's consent to the complaint being shown publicly (Open311),
 * with its place rounded and nothing that identifies them. {@code joins} is the number of an open published report
 * nearby that the citizen says is theirs too ({@link NearbyReports}): the complaint is linked to it as another report
 * of the same incident when it may join it, and registered as any other complaint when not, answered alike.
 */
public record ComplaintRequest(@NotBlank @Size(max = 40) String phone, @Size(max = 50) String name,
        @NotBlank @Size(max = 2000) String description, @Size(max = 200) String address,
        @Valid CallRequest.Location location, @Pattern(regexp = "[A-Z_]{2,40}") String category,
        Boolean contactAllowed, @Pattern(regexp = "zh|en") String language, Boolean publish,
        @Pattern(regexp = "12345-\\d{8}-\\d{4,6}") String joins) {

    /** The citizen agreed that the complaint be shown publicly, without their contact data; no unless said. */
    boolean mayPublish() {
        return Boolean.TRUE.equals(publish);
    }

    CallRequest asCall() {
        return new CallRequest(phone, name, false, description, address, location, category, null, contactAllowed,
                language, false, null);
    }
}
