package org.hotline12345.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The provider's sign-ins, each with its family of refresh tokens: every renewal replaces the refresh token, and the
 * replaced one is remembered. A replaced refresh token presented again means two parties hold the sign-in (a copied
 * token, or a stolen one already used by its thief), and nobody can tell which is the person: the whole sign-in
 * ends, so that the newest refresh token is refused too and the person signs in again with the password. (The
 * access tokens already issued are checked by the services on their own and last until their short expiry.)
 */
final class RefreshTokenFamilies implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenFamilies.class);

    private final OAuth2AuthorizationService signIns;
    private final Clock clock;
    /** A replaced refresh token's digest (the token itself is not kept) and the sign-in it belonged to. */
    private final Map<String, Replaced> replaced = new ConcurrentHashMap<>();

    RefreshTokenFamilies(OAuth2AuthorizationService signIns, Clock clock) {
        this.signIns = signIns;
        this.clock = clock;
    }

    private record Replaced(String authorizationId, Instant forgetAt) {
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization before = signIns.findById(authorization.getId());
        OAuth2Authorization.Token<OAuth2RefreshToken> old = before == null ? null : before.getRefreshToken();
        if (old != null && (authorization.getRefreshToken() == null || !old.getToken().getTokenValue()
                .equals(authorization.getRefreshToken().getToken().getTokenValue()))) {
            Instant end = old.getToken().getExpiresAt();
            replaced.put(digest(old.getToken().getTokenValue()), new Replaced(authorization.getId(),
                    end == null ? clock.instant().plus(Duration.ofDays(1)) : end));
        }
        signIns.save(authorization);
        Instant now = clock.instant();
        replaced.values().removeIf(token -> token.forgetAt().isBefore(now));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        signIns.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return signIns.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = signIns.findByToken(token, tokenType);
        if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
            Replaced reused = replaced.get(digest(token));
            OAuth2Authorization signIn = reused == null ? null : signIns.findById(reused.authorizationId());
            if (signIn != null) {
                signIns.remove(signIn);
                log.warn("A replaced refresh token of {} was presented again: the sign-in is ended",
                        signIn.getPrincipalName());
            }
        }
        return found;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
