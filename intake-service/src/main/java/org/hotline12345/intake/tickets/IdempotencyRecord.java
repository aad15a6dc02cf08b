package org.hotline12345.intake.tickets;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An {@code Idempotency-Key} already answered: the request it came with, and the ticket it made. */
@Document("idempotency_keys")
record IdempotencyRecord(@Id String key, String requestHash, String ticketId, Instant createdAt) {
}
