package org.hotline12345.notification.verification;

import reactor.core.publisher.Mono;

/**
 * Texts a code made again to its ticket's number, as the receipt was texted: delivery does it, and implements this
 * so that what proves a number needs nothing of how texts go out.
 */
public interface CodeTexts {

    /** Texts {@code code} once, within the same rules as every text from a public channel. */
    Mono<Void> textCode(PhoneVerification.NewCode code);
}
