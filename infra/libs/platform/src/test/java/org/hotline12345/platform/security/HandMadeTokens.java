package org.hotline12345.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.TokenMinter;

/**
 * Tokens signed with the tests' trusted key in shapes {@link TokenMinter} does not make: without an expiry, shaped
 * as an identity provider's ID token, with a header type, for another client. Start from {@link #accessToken}, the
 * claims {@link TokenMinter} writes, and change what the test is about.
 */
final class HandMadeTokens {

    private final RSAKey key;

    private HandMadeTokens(RSAKey key) {
        this.key = key;
    }

    /** Signs with the key the services under test trust (kept beside the public key they read). */
    static HandMadeTokens of(SharedTestInfrastructure infra) {
        String publicKey = infra.springProperties("hand-made-tokens")
                .get("spring.security.oauth2.resourceserver.jwt.public-key-location");
        Path jwk = Path.of(URI.create(publicKey)).resolveSibling("signing-key.jwk.json");
        try {
            return new HandMadeTokens(RSAKey.parse(Files.readString(jwk)));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("could not read the tests' signing key " + jwk, e);
        }
    }

    /** The claims of a valid access token of the tests' issuer for the hub, as {@link TokenMinter} writes them. */
    static JWTClaimsSet.Builder accessToken(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(SharedTestInfrastructure.ISSUER)
                .audience(TokenMinter.AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of(roles));
    }

    String sign(JWTClaimsSet.Builder claims) {
        return sign(null, claims);
    }

    /** Signs with {@code type} in the JOSE header ({@code null}: none, as {@link TokenMinter}). */
    String sign(String type, JWTClaimsSet.Builder claims) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }
}
