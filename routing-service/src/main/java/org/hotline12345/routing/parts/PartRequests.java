package org.hotline12345.routing.parts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.routing.assignment.RoutedTicket;

/**
 * The bodies of the parts' requests, a part as its supporting unit sees it, and a part as the centre's queue lists
 * it.
 */
final class PartRequests {

    /** Text without control characters but line breaks, as the workflow's requests take it. */
    static final String PLAIN_TEXT = "[^\\x00-\\x09\\x0B-\\x1F\\x7F]*";
    static final String PLAIN_TEXT_MESSAGE = "must not hold control characters";

    private PartRequests() {
    }

    /** A supporting unit's part of the answer, for the lead (协办答复). */
    record Answer(
            @NotBlank @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String answer) {
    }

    /** The centre waives a part (协办免除): why the lead may resolve without it. */
    record Waive(
            @NotBlank @Size(max = 500) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_TEXT_MESSAGE) String reason) {
    }

    /**
     * A part as its supporting unit sees it: what the ticket is about and where (as the lead sees it, without the
     * caller, the lead's notes, returns or extensions), which unit leads it and the lead's deadline, and the unit's
     * own part with where it stands ({@code overdue} once its running deadline passed). Nothing of the other
     * supporting units' parts.
     */
    record PartView(String ticketId, String ticketNumber, String status, String category, String urgency,
            String description, String district, String gridId, String address, GeoPoint location,
            String priority, String urgencyClass, Instant receivedAt, String leadUnitId, String leadUnitName,
            Instant leadResolveBy, RoutedTicket.Part part, boolean overdue) {
    }

    /**
     * A part overdue (协办超期), as the centre's queue lists it: the ticket, its lead, the supporting unit, where the
     * part stands, and the deadline it missed ({@code late} {@code ACCEPT} for signing for, {@code ANSWER} for
     * answering).
     */
    record OverduePart(String ticketId, String ticketNumber, String category, String district, String description,
            String status, String leadUnitId, String leadUnitName, String unitId, String unitName, String partState,
            Instant assignedAt, Instant acceptBy, Instant dueBy, Instant deadline, String late) {
    }
}
