package org.hotline12345.embedded;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs bearer tokens in the shape the hub's resource servers expect: {@code roles} and, for units, {@code unit}, for
 * grid workers {@code grid}.
 */
public final class TokenMinter {

    /** The audience the hub's services accept, which the dev stack and the tests configure. */
    public static final String AUDIENCE = "hotline-hub";

    private final RSAKey key;
    private final String issuer;
    private final String audience;

    TokenMinter(RSAKey key, String issuer) {
        this(key, issuer, AUDIENCE);
    }

    private TokenMinter(RSAKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The issuer its tokens carry. */
    public String issuer() {
        return issuer;
    }

    /** A minter with the same key and issuer whose tokens are meant for another application. */
    public TokenMinter forAudience(String otherAudience) {
        return new TokenMinter(key, issuer, otherAudience);
    }

    /** A token for {@code subject} with {@code roles}; {@code unit} may be {@code null}. */
    public String mint(String subject, List<String> roles, String unit, Duration validFor) {
        return mint(subject, roles, unit, null, validFor);
    }

    /** A token as above that also names a grid worker's {@code grid} (may be {@code null}). */
    public String mint(String subject, List<String> roles, String unit, String grid, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles);
        if (unit != null) {
            claims.claim("unit", unit);
        }
        if (grid != null) {
            claims.claim("grid", grid);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }

    public String mint(String subject, String role) {
        return mint(subject, List.of(role), null, Duration.ofHours(1));
    }

    /** A grid worker's token for the worker of {@code grid}. */
    public String mintGridWorker(String subject, String grid) {
        return mint(subject, List.of("GRID_WORKER"), null, grid, Duration.ofHours(1));
    }

    public String mintUnit(String subject, String unit) {
        return mint(subject, List.of("UNIT"), unit, Duration.ofHours(1));
    }
}
