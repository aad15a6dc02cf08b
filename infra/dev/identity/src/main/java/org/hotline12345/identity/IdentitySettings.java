package org.hotline12345.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the provider needs to know: who it is, which key signs, who may sign in, and where the pages live.
 *
 * @param issuer the provider's own address, the {@code iss} of every token and the base of its discovery document
 * @param keyFile the RSA key (a JWK) that signs tokens; the services hold its public half
 * @param usersFile the people who may sign in, with their roles and units ({@link DirectoryFile})
 * @param password the one password of every demo user
 * @param pageOrigins the origins serving pages (a service's scheme, host and port): each gets a sign-in and a
 *     sign-out address registered and may call the token endpoint from the browser
 * @param audience the {@code aud} of access tokens, which the services require
 * @param clientId the client the pages sign in as
 * @param accessTokenTtl how long an access token lasts; the pages renew it before then
 * @param sessionTtl how long a sign-in lasts without the password again: a working shift
 * @param signInFailuresPerUser wrong passwords for one user name after which signing in as it pauses
 * @param signInFailuresPerAddress wrong passwords from one client address after which signing in from it pauses
 * @param signInPause how far back wrong passwords count, and so the longest a paused sign-in waits
 */
@ConfigurationProperties("hotline.identity")
public record IdentitySettings(URI issuer, Path keyFile, Path usersFile, String password, List<URI> pageOrigins,
        @DefaultValue("hotline-hub") String audience, @DefaultValue("hotline-pages") String clientId,
        @DefaultValue("10m") Duration accessTokenTtl, @DefaultValue("10h") Duration sessionTtl,
        @DefaultValue("5") int signInFailuresPerUser, @DefaultValue("20") int signInFailuresPerAddress,
        @DefaultValue("15m") Duration signInPause) {

    public IdentitySettings {
        if (issuer == null || keyFile == null || usersFile == null || password == null || password.isBlank()) {
            throw new IllegalArgumentException("hotline.identity.issuer, key-file, users-file and password are "
                    + "required");
        }
        pageOrigins = pageOrigins == null ? List.of() : List.copyOf(pageOrigins);
        if (signInFailuresPerUser < 1 || signInFailuresPerAddress < 1 || signInPause.isNegative()
                || signInPause.isZero()) {
            throw new IllegalArgumentException("hotline.identity.sign-in-failures-per-user, "
                    + "sign-in-failures-per-address and sign-in-pause must be positive");
        }
    }

    List<String> origins() {
        return pageOrigins.stream().map(URI::toString).map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
                .toList();
    }
}
