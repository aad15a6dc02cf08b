package org.hotline12345.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.referencedata.Unit;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * What a token must be, beyond its signature, issuer and audience, before the hub acts on it: an access token (not
 * the ID token the same sign-in gave the pages), with an expiry, for one of the city's clients, naming a unit and a
 * grid the city has. A token that breaks one of these is answered 401 like a token with a bad signature.
 *
 * <p>Access and ID tokens are told apart as the providers the hub works with mint them:
 * <ul>
 * <li>Keycloak writes the kind into a {@code typ} claim: {@code Bearer} for access tokens, {@code ID} for ID tokens
 * (and {@code Refresh}, {@code Logout} for others); only {@code Bearer} passes;</li>
 * <li>the dev identity provider (Spring Authorization Server) writes no kind: its ID tokens carry {@code sid},
 * {@code auth_time} and, when the page sent one, {@code nonce}, and no {@code scope}; its access tokens always carry
 * {@code scope}. A token with an ID token's marks ({@code nonce}, {@code at_hash}, {@code c_hash}, {@code sid},
 * {@code auth_time}) and no {@code scope} (or {@code scp}) is taken for an ID token and refused;</li>
 * <li>the JOSE header's {@code typ}, where a provider sets one, must be {@code JWT} or RFC 9068's
 * {@code at+jwt} ({@link #headerTypes()}).</li>
 * </ul>
 * {@code azp}, the client the token was issued to, is optional (not every provider writes it into access tokens),
 * but when present it must be one of the city's clients for the hub: a token another application of the same realm
 * obtained, with the hub's audience added, does not pass for one of the pages'.
 */
final class AccessTokenRules implements OAuth2TokenValidator<Jwt> {

    private static final List<String> ID_TOKEN_MARKS = List.of("nonce", "at_hash", "c_hash", "sid", "auth_time");

    private final Set<String> authorizedParties;
    private final String unitClaim;
    private final String gridClaim;
    private final Set<String> units;
    private final Set<String> grids;

    AccessTokenRules(List<String> authorizedParties, String unitClaim, String gridClaim, City city) {
        this.authorizedParties = Set.copyOf(authorizedParties);
        this.unitClaim = unitClaim;
        this.gridClaim = gridClaim;
        this.units = city.units().stream().map(Unit::id).collect(Collectors.toUnmodifiableSet());
        this.grids = city.grids().stream().map(Grid::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The JOSE header types an access token may carry: none, {@code JWT}, or {@code at+jwt} (RFC 9068, with or
     * without its {@code application/} prefix). Any other ({@code logout+jwt}, {@code dpop+jwt}, ...) is not an
     * access token.
     */
    static JwtTypeValidator headerTypes() {
        JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
        types.setAllowEmpty(true);
        return types;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (token.getExpiresAt() == null) {
            errors.add(invalid("the token has no expiry (exp)"));
        }
        Object kind = token.getClaims().get("typ");
        if (kind != null && !"Bearer".equalsIgnoreCase(kind.toString())) {
            errors.add(invalid("the token is a " + kind + " token, not an access token"));
        }
        if (!token.hasClaim("scope") && !token.hasClaim("scp") && ID_TOKEN_MARKS.stream().anyMatch(token::hasClaim)) {
            errors.add(invalid("the token is an ID token, not an access token"));
        }
        Object party = token.getClaims().get("azp");
        if (party != null && !authorizedParties.contains(party.toString())) {
            errors.add(invalid("the token was issued to a client that is not one of the hub's"));
        }
        checkNames(token, unitClaim, units, "unit", errors);
        checkNames(token, gridClaim, grids, "grid", errors);
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    /** A unit or grid claim, when present, is one plain name the city has. */
    private static void checkNames(Jwt token, String claim, Set<String> known, String what, List<OAuth2Error> errors) {
        if (!token.hasClaim(claim)) {
            return;
        }
        Object value = token.getClaims().get(claim);
        if (!(value instanceof String name) || !known.contains(name)) {
            errors.add(invalid("the token names a " + what + " the city does not have"));
        }
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
