package org.hotline12345.notification.contacts;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach the citizen of one ticket, kept from its TicketReceived; the number stays sealed at rest. Only
 * {@link CitizenContacts} makes or changes one.
 *
 * @param parentIncidentId the ticket this one was merged into as the same incident, whose resolution it shares
 * @param awaitingFeedbackSince when the satisfaction question was texted and not answered yet
 * @param feedbackRound the resolution round the satisfaction question asked about; {@code null} when it was asked on
 *     an event without a round
 * @param publicChannel the number came from a public channel (website, Open311), where anyone may give anyone's
 * @param codeAttempts tries of the ticket's latest one-time code (the code's round and when a code sent again was
 *     made, {@code codeRound} and {@code codeMadeAt}, are kept beside these, as is the reply that answered the
 *     question, {@code feedbackAnsweredBy})
 * @param verifiedAt when the reporter entered the right code: from then on the number gets every text
 */
@Document(CitizenContacts.COLLECTION)
public record CitizenContactRecord(@Id String ticketId, String ticketNumber, String sealedPhone,
        String phoneHash, String maskedPhone, String language, boolean contactAllowed, boolean urgent,
        String parentIncidentId, Instant receivedAt, Instant awaitingFeedbackSince, Integer feedbackRound,
        Boolean publicChannel, Integer codeAttempts, Instant verifiedAt) {

    public boolean reachable() {
        return contactAllowed && sealedPhone != null;
    }

    /** A number from a public channel whose reporter has not proven it theirs. */
    public boolean unverified() {
        return Boolean.TRUE.equals(publicChannel) && verifiedAt == null;
    }
}
