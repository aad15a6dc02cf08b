package org.hotline12345.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/**
 * The bearer token read a character at a time answers every header as Spring Security's own converter does: the
 * same token, the same refusal of a malformed one, nothing for another scheme or none.
 */
class BearerTokenHeaderTest {

    static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJvcGVyYXRvci0xIiwicm9sZXMiOlsiT1BF"
            + "UkFUT1IiXX0.c2lnbmF0dXJlLW9mLWEtdGhvdXNhbmQtY2hhcmFjdGVycy1fLX4rLw";

    @Test
    void answersEveryHeaderAsSpringSecuritysConverterDoes() {
        List<String> headers = List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "BeArEr abc==",
                "Bearer abc=", "Bearer a=b", "Bearer =", "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer\t" + JWT,
                "Bearer " + JWT + " ", "Bearer " + JWT + ",x", "Bearer a-b._~+/c", "Bearer a b", "Bearerabc",
                "Basic dXNlcjpwYXNz", "Token abc", "", "bear", "Bearer 令牌", "Bearer abc\u00e9",
                "Bearer " + "x".repeat(20_000));
        ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        ServerAuthenticationConverter ours = new BearerTokenHeader();
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(ours, null)).isEqualTo(outcome(spring, null)).isEqualTo("none");
        assertThat(outcome(ours, "bearer " + JWT)).isEqualTo("token " + JWT);
        assertThat(outcome(ours, "Bearer a b")).startsWith("refused");
    }

    private static String outcome(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/tickets");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Optional<Authentication> read = converter.convert(MockServerWebExchange.from(request)).blockOptional();
            return read.map(token -> "token " + ((BearerTokenAuthenticationToken) token).getToken()).orElse("none");
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
