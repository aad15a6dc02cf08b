package org.hotline12345.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.Transient;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets the pages, a public client (PKCE, no secret), keep a person signed in through a shift: the provider issues
 * them refresh tokens, which rotate on every use (a used one is refused) and never outlive the sign-in's first
 * term, and accepts a refresh request that names the client without a secret.
 *
 * <p>The authorization server refuses both by default; this is the customisation its own tests show (gh-1430).
 * Only a client registered for {@code none} authentication passes, so a confidential client still needs its secret.
 */
final class PublicClientRefresh {

    private PublicClientRefresh() {
    }

    /** Refresh tokens for every client that has the refresh grant, public ones included. */
    static final class TokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

        private final StringKeyGenerator keys = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
                96);

        @Override
        public OAuth2RefreshToken generate(OAuth2TokenContext context) {
            if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                    || !context.getRegisteredClient().getAuthorizationGrantTypes()
                            .contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                return null;
            }
            Instant issuedAt = Instant.now();
            Instant expiresAt = issuedAt.plus(context.getRegisteredClient().getTokenSettings()
                    .getRefreshTokenTimeToLive());
            // a renewal keeps the sign-in's end: renewing every few minutes never makes the shift longer
            OAuth2Authorization.Token<OAuth2RefreshToken> renewed = context.getAuthorization() == null ? null
                    : context.getAuthorization().getRefreshToken();
            if (renewed != null && renewed.getToken().getExpiresAt() != null
                    && renewed.getToken().getExpiresAt().isBefore(expiresAt)) {
                expiresAt = renewed.getToken().getExpiresAt();
            }
            return new OAuth2RefreshToken(keys.generateKey(), issuedAt, expiresAt);
        }
    }

    /** A refresh request with a client id and no secret. */
    static final class Converter implements AuthenticationConverter {

        @Override
        public Authentication convert(HttpServletRequest request) {
            String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
            if (!AuthorizationGrantType.REFRESH_TOKEN.getValue()
                    .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)) || clientId == null
                    || clientId.isBlank() || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null
                    || request.getHeader("Authorization") != null) {
                return null;
            }
            return new PublicClient(clientId);
        }
    }

    /** Authenticates such a request only for a client registered as public. */
    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String clientId = authentication.getPrincipal().toString();
            RegisteredClient client = clients.findByClientId(clientId);
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "Public client authentication failed", null));
            }
            return new PublicClient(client);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return PublicClient.class.isAssignableFrom(authentication);
        }
    }

    @Transient
    static final class PublicClient extends OAuth2ClientAuthenticationToken {

        PublicClient(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, null);
        }

        PublicClient(RegisteredClient client) {
            super(client, ClientAuthenticationMethod.NONE, null);
        }
    }
}
