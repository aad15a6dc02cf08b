package org.hotline12345.platform.security;

import static org.hotline12345.platform.security.HandMadeTokens.accessToken;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A stranger presents tokens that verify (the trusted key, the issuer, the hub's audience) but are not what a
 * request to the hub needs: without an expiry, the ID token of a sign-in instead of its access token, a token of
 * another client of the realm, a unit or a grid the city does not have. Each is answered 401 like a forged one, and
 * the access tokens the city's providers really issue still pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AccessTokenRulesIT {

    static final SharedTestInfrastructure infra = SharedTestInfrastructure.get();
    static final HandMadeTokens tokens = HandMadeTokens.of(infra);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.register(registry::add, "access-token-rules-it");
    }

    @Autowired
    WebTestClient web;

    @Test
    void refusesATokenWithoutExpiry() {
        String forever = tokens.sign(accessToken("operator-1", "OPERATOR").expirationTime(null));

        assertRefused(forever);
        assertAccepted(tokens.sign(accessToken("operator-1", "OPERATOR")));
    }

    @Test
    void refusesAKeycloakIdTokenCarryingTheHubsAudience() {
        // Keycloak's ID token of a client whose client id is the hub's audience: it says what it is in typ
        String idToken = tokens.sign("JWT", keycloak(accessToken("operator-1", "OPERATOR"), "ID")
                .claim("at_hash", "x4Vd9Qj3pEa5nM2kP0cLqg").claim("nonce", "n-0S6_WzA2Mj"));

        assertRefused(idToken);
    }

    @Test
    void refusesTheDevProvidersIdTokenThatNamesNoScope() {
        // Spring Authorization Server's ID token: no typ claim, the sign-in's session and time, and no scope
        String idToken = tokens.sign(accessToken("operator-1", "OPERATOR").claim("azp", "hotline-pages")
                .claim("sid", "Xq3c0fP7").claim("auth_time", Date.from(Instant.now())).claim("nonce", "n-1"));

        assertRefused(idToken);
    }

    @Test
    void refusesATokenWhoseHeaderSaysItIsNoAccessToken() {
        assertRefused(tokens.sign("logout+jwt", accessToken("operator-1", "OPERATOR")));
    }

    @Test
    void acceptsTheAccessTokensTheCitysProvidersIssue() {
        // Keycloak's access token of the pages' client: typ Bearer, azp, scope, and the session's marks
        assertAccepted(tokens.sign("JWT", keycloak(accessToken("operator-1", "OPERATOR"), "Bearer")
                .claim("scope", "openid profile")));
        // a provider that types its access tokens as RFC 9068 says
        assertAccepted(tokens.sign("at+jwt", accessToken("operator-1", "OPERATOR").claim("scope", "openid")
                .claim("client_id", "hotline-pages")));
        // the dev identity provider's access token: scope, no azp
        assertAccepted(tokens.sign(accessToken("operator-1", "OPERATOR").claim("scope", List.of("openid",
                "profile"))));
    }

    @Test
    void refusesATokenIssuedToAnotherClientOfTheRealm() {
        String otherClient = tokens.sign("JWT", keycloak(accessToken("operator-1", "OPERATOR"), "Bearer")
                .claim("scope", "openid").claim("azp", "city-parking-app"));

        assertRefused(otherClient);
    }

    @Test
    void refusesAUnitOrAGridTheCityDoesNotHave() {
        assertRefused(tokens.sign(accessToken("unit-1", "UNIT").claim("unit", "MAYORS_OFFICE")));
        assertRefused(tokens.sign(accessToken("grid-worker-1", "GRID_WORKER").claim("grid", "ZZ-99")));
        assertRefused(tokens.sign(accessToken("unit-1", "UNIT").claim("unit", List.of("WATER_CO", "POLICE"))));

        notFound(infra.tokens().mintUnit("unit-1", "WATER_CO"));
        notFound(infra.tokens().mintGridWorker("grid-worker-1", "YY-04"));
    }

    @Test
    void readsTheSchemeInAnyCaseAndRefusesAMalformedBearerHeader() {
        String token = tokens.sign(accessToken("operator-1", "OPERATOR"));

        web.post().uri("/notes").header("Authorization", "bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"hi\"}").exchange().expectStatus().isCreated();
        web.post().uri("/notes").header("Authorization", "Bearer " + token + " extra")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    @Test
    void refusesAHeaderCarryingAControlCharacterBeforeAnyHandler(@LocalServerPort int port) throws IOException {
        String token = tokens.sign(accessToken("operator-1", "OPERATOR"));
        // NEL (0x85) is a control character that HTTP itself lets through as an octet of a header's value; the
        // firewall refuses it when the header is read, before the token is (which would be malformed: 401)
        String refused = exchange(port, "Bearer " + token + "\u0085");
        String passed = exchange(port, "Bearer " + token);

        assertThat(refused).startsWith("HTTP/1.1 400").contains("not one this service accepts");
        assertThat(passed).as("the handler knows no such note").startsWith("HTTP/1.1 404");
    }

    /** A request written byte for byte, as no client library would send it; the answer as it came. */
    private static String exchange(int port, String authorization) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /notes/n-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                    + authorization + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** The claims Keycloak adds to a token of the pages' client, {@code typ} saying which kind it is. */
    private static JWTClaimsSet.Builder keycloak(JWTClaimsSet.Builder claims,
            String kind) {
        return claims.claim("typ", kind).claim("azp", "hotline-pages").claim("sid", UUID.randomUUID().toString())
                .claim("auth_time", Instant.now().getEpochSecond()).claim("realm_access", Map.of("roles",
                        List.of("OPERATOR")));
    }

    private void assertRefused(String token) {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("unauthorized");
    }

    private void assertAccepted(String token) {
        web.post().uri("/notes").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hi\"}")
                .exchange()
                .expectStatus().isCreated();
    }

    /** A token that passes reaches the handler, which knows no such note. */
    private void notFound(String token) {
        web.get().uri("/notes/n-1").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNotFound();
    }
}
