package org.hotline12345.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a minute, the access tokens this service has verified, so that an operator's next call with the
 * same token skips parsing and the signature check, a tenth of intake's CPU per call under load. Only a token
 * identical to one that passed every check is taken from memory, and it is still refused once its {@code exp} has
 * passed (with the same minute of clock skew the verifier allows). A token that fails is never remembered. The
 * minute also bounds how long a token signed with a key the provider has since withdrawn keeps working.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(1);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** Enough for every member of staff signed in at once in a large city; a token is about a kilobyte. */
    static final int TOKENS = 2_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(TOKENS).expireAfterWrite(REMEMBERED).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt.plus(CLOCK_SKEW));
    }
}
