package org.hotline12345.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page signs a person in as a browser would: authorization code with PKCE through the sign-in form, then renews
 * with the refresh token it got, which works once. The tokens carry what the hub's services check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderTest {

    static final String PAGE = "http://127.0.0.1:8081";
    static final String PASSWORD = "demo-" + System.nanoTime();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final RSAKey KEY;
    static Path folder;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
            folder = Files.createTempDirectory("identity-test");
            Files.writeString(folder.resolve("key.json"), KEY.toJSONString());
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
        Browser browser = new Browser();
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
        SignedJWT access = SignedJWT.parse(new Browser().signIn("grid-worker-01", PASSWORD).get("access_token")
                .asString());
        assertThat(access.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("GRID_WORKER");
        assertThat(access.getJWTClaimsSet().getStringClaim("grid")).isEqualTo("YY-04");
        assertThat(access.getJWTClaimsSet().getClaim("unit")).isNull();
        assertThat(access.getJWTClaimsSet().getStringClaim("name")).isEqualTo("网格员 01");
    }

    @Test
    void refusesAWrongPasswordAndAPageItDoesNotKnow() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> form = browser.postForm("/login", Map.of("username", "operator-01",
                "password", "wrong", "_csrf", browser.csrf()));
        assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("用户名或密码不正确。");

        // the pages' client must prove the code is its own: no PKCE challenge, no code
        HttpResponse<String> noChallenge = browser.get("/oauth2/authorize?response_type=code&client_id=hotline-pages"
                + "&scope=openid&redirect_uri=" + enc(PAGE + "/hub/callback.html") + "&state=x");
        assertThat(noChallenge.headers().firstValue("Location").orElse(noChallenge.body()))
                .contains("error=invalid_request").doesNotContain("code=");

        HttpResponse<String> elsewhere = browser.get("/oauth2/authorize?response_type=code&client_id=hotline-pages"
                + "&scope=openid&redirect_uri=" + enc("http://evil.example/hub/callback.html")
                + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256&state=x");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void theDiscoveryDocumentIsReadableFromThePagesOriginOnly() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> discovery = browser.client.send(HttpRequest.newBuilder(
                        URI.create(base() + "/.well-known/openid-configuration")).header("Origin", PAGE).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(JSON.readTree(discovery.body()).get("issuer").asString()).isEqualTo("http://127.0.0.1:9000");
        HttpResponse<String> stranger = browser.client.send(HttpRequest.newBuilder(
                        URI.create(base() + "/.well-known/openid-configuration")).header("Origin",
                        "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Cookies and no automatic redirects: each step of the sign-in as a browser takes it. */
    final class Browser {

        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException,
                InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> token(Map<String, String> fields) throws IOException, InterruptedException {
            return postForm("/oauth2/token", fields);
        }

        String csrf() throws IOException, InterruptedException {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(token.find()).isTrue();
            return token.group(1);
        }

        JsonNode signIn(String user, String password) throws Exception {
            String verifier = "v".repeat(20) + System.nanoTime() + "-verifier-of-the-page";
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String authorize = "/oauth2/authorize?response_type=code&client_id=hotline-pages&scope=openid%20profile"
                    + "&redirect_uri=" + enc(PAGE + "/hub/callback.html") + "&code_challenge=" + challenge
                    + "&code_challenge_method=S256&state=s1";
            HttpResponse<String> first = get(authorize);
            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> signedIn = postForm("/login", Map.of("username", user, "password", password,
                    "_csrf", csrf()));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            HttpResponse<String> back = get(signedIn.headers().firstValue("Location").orElseThrow());
            String callback = back.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(PAGE + "/hub/callback.html?code=").contains("state=s1");
            String code = URI.create(callback).getQuery().split("code=")[1].split("&")[0];
            HttpResponse<String> tokens = token(Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", PAGE + "/hub/callback.html", "client_id", "hotline-pages",
                    "code_verifier", verifier));
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            return JSON.readTree(tokens.body());
        }

        private String form(Map<String, String> fields) {
            return new LinkedHashMap<>(fields).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
        }
    }

}
