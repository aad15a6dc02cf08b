package org.hotline12345.routing.caller;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One reveal of a caller's number: whose ticket, who asked ({@code subject}, the {@code name} people know them by,
 * their unit when they act for one, and the role they acted in), and when. Holds no part of the number.
 */
@Document("caller_reveals")
record CallerReveal(@Id String id, String ticketId, String subject, String name, String unitId, String role,
        Instant at) {

    /** The reveal as supervisors read it. */
    record View(String ticketId, String subject, String name, String unitId, String role, Instant at) {
    }

    View view() {
        return new View(ticketId, subject, name, unitId, role, at);
    }
}
