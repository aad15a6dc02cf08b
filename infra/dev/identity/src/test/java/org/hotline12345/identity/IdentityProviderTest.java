package org.hotline12345.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page signs a person in as a browser would: authorization code with PKCE through the sign-in form, then renews
 * with the refresh token it got, which works once: a used one presented again ends the sign-in, as signing out
 * does. The tokens carry what the hub's services check, and the key that signs them is its owner's alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderTest {

    static final String PAGE = Browser.PAGE;
    static final String PASSWORD = "demo-" + System.nanoTime();
    static final JsonMapper JSON = Browser.JSON;
    static final RSAKey KEY;
    static Path folder;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            folder = Files.createTempDirectory("identity-test");
            Files.writeString(folder.resolve("key.json"), KEY.toJSONString());
            // as a key file written without care is: readable by every user of the machine
            Files.setPosixFilePermissions(folder.resolve("key.json"), PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(folder.resolve("users.json"), """
                    {"users": [
                      {"username": "operator-01", "name": "话务员 01", "roles": ["OPERATOR"], "unit": null},
                      {"username": "unit-water_co", "name": "贵阳水务集团", "roles": ["UNIT"], "unit": "WATER_CO"},
                      {"username": "grid-worker-01", "name": "网格员 01", "roles": ["GRID_WORKER"], "grid": "YY-04"}
                    ]}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("hotline.identity.key-file", () -> folder.resolve("key.json").toString());
        registry.add("hotline.identity.users-file", () -> folder.resolve("users.json").toString());
        registry.add("hotline.identity.password", () -> PASSWORD);
        registry.add("hotline.identity.issuer", () -> "http://127.0.0.1:9000");
        registry.add("hotline.identity.page-origins", () -> PAGE);
    }

    @Test
    void signsAUnitInWithPkceAndRenewsOnceWithEachRefreshToken() throws Exception {
        Browser browser = new Browser(port);
        JsonNode tokens = browser.signIn("unit-water_co", PASSWORD);

        SignedJWT access = SignedJWT.parse(tokens.get("access_token").asString());
        assertThat(access.getJWTClaimsSet().getAudience()).containsExactly("hotline-hub");
        assertThat(access.getJWTClaimsSet().getIssuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("UNIT");
        assertThat(access.getJWTClaimsSet().getStringClaim("unit")).isEqualTo("WATER_CO");
        assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo("unit-water_co");
        assertThat(access.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(KEY.toRSAPublicKey()))).isTrue();
        assertThat(tokens.get("id_token")).isNotNull();

        String refresh = tokens.get("refresh_token").asString();
        HttpResponse<String> renewed = browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", "hotline-pages"));
        assertThat(renewed.statusCode()).isEqualTo(200);
        JsonNode next = JSON.readTree(renewed.body());
        assertThat(next.get("refresh_token").asString()).isNotEqualTo(refresh);
        assertThat(SignedJWT.parse(next.get("access_token").asString()).getJWTClaimsSet().getStringClaim("unit"))
                .isEqualTo("WATER_CO");

        // a refresh token that was used is refused
        assertThat(browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh,
                "client_id", "hotline-pages")).statusCode()).isEqualTo(400);
        // and a client the provider does not know gets nothing
        assertThat(browser.token(Map.of("grant_type", "refresh_token", "refresh_token",
                next.get("refresh_token").asString(), "client_id", "someone-else")).statusCode()).isEqualTo(401);
    }

    @Test
    void namesAGridWorkersGridAndNoUnit() throws Exception {
        SignedJWT access = SignedJWT.parse(new Browser(port).signIn("grid-worker-01", PASSWORD).get("access_token")
                .asString());
        assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("GRID_WORKER");
        assertThat(access.getJWTClaimsSet().getStringClaim("grid")).isEqualTo("YY-04");
        assertThat(access.getJWTClaimsSet().getClaim("unit")).isNull();
        assertThat(access.getJWTClaimsSet().getStringClaim("name")).isEqualTo("网格员 01");
    }

    @Test
    void refusesAWrongPasswordAndAPageItDoesNotKnow() throws Exception {
        Browser browser = new Browser(port);
        HttpResponse<String> form = browser.postForm("/login", Map.of("username", "operator-01",
                "password", "wrong", "_csrf", browser.csrf()));
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("用户名或密码不正确。");

        // the pages' client must prove the code is its own: no PKCE challenge, no code
        HttpResponse<String> noChallenge = browser.get("/oauth2/authorize?response_type=code&client_id=hotline-pages"
                + "&scope=openid&redirect_uri=" + Browser.enc(PAGE + "/hub/callback.html") + "&state=x");
        assertThat(noChallenge.headers().firstValue("Location").orElse(noChallenge.body()))
                .contains("error=invalid_request").doesNotContain("code=");

        HttpResponse<String> elsewhere = browser.get("/oauth2/authorize?response_type=code&client_id=hotline-pages"
                + "&scope=openid&redirect_uri=" + Browser.enc("http://evil.example/hub/callback.html")
                + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256&state=x");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void theDiscoveryDocumentIsReadableFromThePagesOriginOnly() throws Exception {
        Browser browser = new Browser(port);
        HttpResponse<String> discovery = browser.client.send(HttpRequest.newBuilder(
                        URI.create(browser.base() + "/.well-known/openid-configuration")).header("Origin", PAGE).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(JSON.readTree(discovery.body()).get("issuer").asString()).isEqualTo("http://127.0.0.1:9000");
        HttpResponse<String> stranger = browser.client.send(HttpRequest.newBuilder(
                        URI.create(browser.base() + "/.well-known/openid-configuration")).header("Origin",
                        "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aReusedRefreshTokenEndsTheSignInAndTheNewerTokenWithIt() throws Exception {
        Browser browser = new Browser(port);
        String first = browser.signIn("operator-01", PASSWORD).get("refresh_token").asString();
        HttpResponse<String> renewed = browser.renew(first);
        assertThat(renewed.statusCode()).isEqualTo(200);
        String second = JSON.readTree(renewed.body()).get("refresh_token").asString();

        // someone else holds a copy of the first token and presents it after the page renewed
        HttpResponse<String> reused = browser.renew(first);

        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reused.body()).get("error").asString()).isEqualTo("invalid_grant");
        HttpResponse<String> page = browser.renew(second);
        assertThat(page.statusCode()).as("the newer token of the same sign-in").isEqualTo(400);
        assertThat(JSON.readTree(page.body()).get("error").asString()).isEqualTo("invalid_grant");
        // another person's sign-in is not touched
        Browser other = new Browser(port);
        String theirs = other.signIn("unit-water_co", PASSWORD).get("refresh_token").asString();
        assertThat(other.renew(theirs).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSignInsRefreshToken() throws Exception {
        Browser browser = new Browser(port);
        JsonNode tokens = browser.signIn("operator-01", PASSWORD);
        // the provider names its issuer's address; the test reaches it on its own port
        String endSession = URI.create(JSON.readTree(browser.get("/.well-known/openid-configuration").body())
                .get("end_session_endpoint").asString()).getPath();

        // the pages sign out there with the ID token, as hub.js does
        HttpResponse<String> signedOut = browser.get(endSession + "?id_token_hint="
                + tokens.get("id_token").asString() + "&client_id=hotline-pages&post_logout_redirect_uri="
                + Browser.enc(PAGE + "/hub/signed-out.html"));

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).startsWith(PAGE + "/hub/signed-out.html");
        HttpResponse<String> renewal = browser.renew(tokens.get("refresh_token").asString());
        assertThat(renewal.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(renewal.body()).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void theSigningKeyIsReadableByItsOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(folder.resolve("key.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
