package org.hotline12345.notification.gateway;

import reactor.core.publisher.Mono;

/**
 * Sends one text. {@code notificationId} is passed to the provider as the client reference, so that a retry of the
 * same notification is recognised and never delivered twice.
 */
public interface SmsGateway {

    /** Completes with the gateway's message id once the gateway accepted the text. */
    Mono<String> send(OutgoingText text);

    /** A text to send; the number is in the clear only here, on its way to the gateway. */
    record OutgoingText(String notificationId, String ticketId, String e164, String maskedPhone, String body,
            String language, int segments) {

        @Override
        public String toString() {
            return "OutgoingText[" + notificationId + " to " + maskedPhone + "]";
        }
    }
}
