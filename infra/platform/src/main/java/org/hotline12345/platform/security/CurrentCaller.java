package org.hotline12345.platform.security;

import org.hotline12345.platform.HotlineProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Who is calling, read from the verified token; a unit always comes from the token, never from the request. */
public final class CurrentCaller {

    private final String unitClaim;

    public CurrentCaller(HotlineProperties properties) {
        this.unitClaim = properties.security().unitClaim();
    }

    /** The caller's subject, e.g. {@code operator-01}. */
    public Mono<String> subject() {
        return token().map(JwtAuthenticationToken::getName);
    }

    /** The unit a unit user acts for; fails with 403 when the token names none. */
    public Mono<String> unit() {
        return token().flatMap(token -> {
            String unit = token.getToken().getClaimAsString(unitClaim);
            return unit == null || unit.isBlank()
                    ? Mono.error(new AccessDeniedException("the token names no unit"))
                    : Mono.just(unit);
        });
    }

    private Mono<JwtAuthenticationToken> token() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .switchIfEmpty(Mono.error(new AccessDeniedException("no bearer token")));
    }
}
