package org.hotline12345.platform.security;

import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.referencedata.GridWorkers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Who is calling, read from the verified token; a unit always comes from the token, never from the request. */
public final class CurrentCaller {

    private final String unitClaim;
    private final String gridClaim;

    public CurrentCaller(HotlineProperties properties) {
        this.unitClaim = properties.security().unitClaim();
        this.gridClaim = properties.security().gridClaim();
    }

    /** The caller's subject, e.g. {@code operator-01}. */
    public Mono<String> subject() {
        return token().map(JwtAuthenticationToken::getName);
    }

    /** The person's name as the token gives it ({@code name}), for records people read; the subject without one. */
    public Mono<String> displayName() {
        return token().map(token -> {
            String name = token.getToken().getClaimAsString("name");
            return name == null || name.isBlank() ? token.getName() : name;
        });
    }

    /**
     * Who the caller holds tickets as: a unit user's unit, or for a grid worker the worker of the grid the token
     * names ({@link GridWorkers}; a grid worker's token counts for its grid only, whatever unit it might name);
     * fails with 403 when the token names none.
     */
    public Mono<String> unit() {
        return token().flatMap(token -> {
            boolean gridWorker = has(token, Roles.GRID_WORKER) && !has(token, Roles.UNIT);
            String grid = token.getToken().getClaimAsString(gridClaim);
            String unit = !gridWorker ? token.getToken().getClaimAsString(unitClaim)
                    : grid == null || grid.isBlank() ? null : GridWorkers.holderOf(grid);
            return unit == null || unit.isBlank()
                    ? Mono.error(new AccessDeniedException(gridWorker ? "the token names no grid"
                            : "the token names no unit"))
                    : Mono.just(unit);
        });
    }

    private static boolean has(JwtAuthenticationToken token, String role) {
        return token.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    private Mono<JwtAuthenticationToken> token() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .switchIfEmpty(Mono.error(new AccessDeniedException("no bearer token")));
    }
}
