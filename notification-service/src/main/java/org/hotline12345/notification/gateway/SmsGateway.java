package org.hotline12345.notification.gateway;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Sends one text. {@code notificationId} is passed to the provider as the client reference, so that a retry of the
 * same notification can ask whether the provider already took it instead of sending it twice.
 */
public interface SmsGateway {

    /** Completes with the gateway's message id once the gateway accepted the text. */
    Mono<String> send(OutgoingText text);

    /**
     * A text to send; the number is in the clear only here, on its way to the gateway. {@code trigger} and
     * {@code values} are the template and its variables, for providers that send approved templates rather than
     * text; {@code triedBefore}: an earlier delivery of this text failed, so the provider may have it already.
     */
    record OutgoingText(String notificationId, String ticketId, String e164, String maskedPhone, String body,
            String language, int segments, boolean triedBefore, String trigger, Map<String, String> values) {

        @Override
        public String toString() {
            return "OutgoingText[" + notificationId + " to " + maskedPhone + "]";
        }
    }

    /** The provider will never take this text (an invalid number, a blocked one): it fails now, not retried. */
    class TextRefused extends RuntimeException {

        public TextRefused(String reason) {
            super(reason);
        }
    }
}
