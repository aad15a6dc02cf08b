package org.hotline12345.notification.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.hotline12345.notification.contacts.CitizenContacts;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Checks a code against the one last texted for a ticket, and makes a new one on request. Each attempt is counted in
 * the same atomic write that reads the code's round, and only while fewer than {@link #MOST_ATTEMPTS} were made on
 * that code, so racing guesses cannot get more than that many tries between them; a new code starts its own tries,
 * so spent tries cost the reporter a new text, never their ticket's texts. A wrong code, an unknown ticket, a
 * ticket without a code and a code out of attempts all answer alike. The code's state lives on the ticket's contact,
 * which {@link CitizenContacts} changes.
 */
@Service
public class PhoneVerification {

    public static final int MOST_ATTEMPTS = 5;
    /** How long a code may be entered after it was made; the receipt may wait out the quiet hours. */
    public static final Duration VALIDITY = Duration.ofHours(24);

    private final CitizenContacts contacts;
    private final PhoneCodes codes;
    private final FollowLinks links;
    private final Clock clock;

    PhoneVerification(CitizenContacts contacts, PhoneCodes codes, FollowLinks links, Clock clock) {
        this.contacts = contacts;
        this.codes = codes;
        this.links = links;
        this.clock = clock;
    }

    /** Completes with {@code true} when {@code code} is the ticket's latest and the number is now verified. */
    public Mono<Boolean> verify(String ticketNumber, String code) {
        return contacts.tryCode(ticketNumber, clock.instant().minus(VALIDITY), MOST_ATTEMPTS)
                .filter(tried -> MessageDigest.isEqual(
                        codes.codeFor(tried.ticketId(), tried.round()).getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII)))
                .flatMap(tried -> verified(tried.ticketId()))
                .defaultIfEmpty(false);
    }

    /**
     * Completes with {@code true} when {@code token} is the one of the link in the ticket's texts: that link went
     * only to the ticket's number, as the code did, and no number of guesses spends it.
     */
    public Mono<Boolean> verifyByLink(String ticketNumber, String token) {
        if (!links.matches(ticketNumber, token)) {
            return Mono.just(false);
        }
        return contacts.publicTicket(ticketNumber)
                .flatMap(this::verified)
                .defaultIfEmpty(false);
    }

    /**
     * A new code for a ticket from a public channel whose number is not verified yet: the code's round goes up, its
     * tries start again and it is valid for {@link #VALIDITY} from now; the earlier codes are void. Empty for any
     * other ticket.
     */
    public Mono<NewCode> newCode(String ticketNumber) {
        return contacts.newCode(ticketNumber, clock.instant())
                .map(made -> new NewCode(made.ticketId(), made.round(), codes.codeFor(made.ticketId(), made.round())));
    }

    /**
     * The number a new code for {@code ticketNumber} would go to (its hash), to count the codes sent to it; empty
     * when the ticket would get no code.
     */
    public Mono<String> numberOf(String ticketNumber) {
        return contacts.unverifiedNumber(ticketNumber);
    }

    private Mono<Boolean> verified(String ticketId) {
        return contacts.verified(ticketId, clock.instant()).thenReturn(true);
    }

    /** A code made again: its ticket, its round and the code, to be texted. */
    public record NewCode(String ticketId, int round, String code) {
    }
}
