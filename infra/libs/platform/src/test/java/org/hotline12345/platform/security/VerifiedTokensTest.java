package org.hotline12345.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    final List<String> verifiedByTheVerifier = new ArrayList<>();
    Instant now = NOW;
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Accepts a token named "good…" until its expiry (plus the skew), as the real verifier's checks do. */
    final ReactiveJwtDecoder verifier = token -> {
        verifiedByTheVerifier.add(token);
        Instant expiresAt = NOW.plus(Duration.ofMinutes(5));
        if (!token.startsWith("good") || !now.isBefore(expiresAt.plus(VerifiedTokens.CLOCK_SKEW))) {
            return Mono.error(new BadJwtException("refused"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("operator-1")
                .issuedAt(NOW).expiresAt(expiresAt).build());
    };

    final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void verifiesAnOperatorsTokenOnceForAllTheirCallsWithinAMinute() {
        for (int call = 0; call < 5; call++) {
            StepVerifier.create(tokens.decode("good-token")).assertNext(jwt -> assertThat(jwt.getSubject())
                    .isEqualTo("operator-1")).verifyComplete();
        }
        assertThat(verifiedByTheVerifier).containsExactly("good-token");
    }

    @Test
    void refusesARememberedTokenOnceItHasExpired() {
        StepVerifier.create(tokens.decode("good-token")).expectNextCount(1).verifyComplete();
        now = NOW.plus(Duration.ofMinutes(5)).plus(VerifiedTokens.CLOCK_SKEW);

        StepVerifier.create(tokens.decode("good-token")).expectError(BadJwtException.class).verify();
        assertThat(verifiedByTheVerifier).containsExactly("good-token", "good-token");
    }

    @Test
    void neverRemembersATokenThatFailed() {
        for (int call = 0; call < 3; call++) {
            StepVerifier.create(tokens.decode("forged-token")).expectError(BadJwtException.class).verify();
        }
        assertThat(verifiedByTheVerifier).hasSize(3);
    }

    @Test
    void tellsOneTokenFromAnother() {
        StepVerifier.create(tokens.decode("good-token-of-one")).expectNextCount(1).verifyComplete();
        StepVerifier.create(tokens.decode("good-token-of-another")).expectNextCount(1).verifyComplete();
        StepVerifier.create(tokens.decode("good-token-of-one")).expectNextCount(1).verifyComplete();

        assertThat(verifiedByTheVerifier).containsExactly("good-token-of-one", "good-token-of-another");
    }
}
