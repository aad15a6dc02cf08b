package org.hotline12345.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cookies and no automatic redirects: each step of signing in to the provider as a page's browser takes it. */
final class Browser {

    static final String PAGE = "http://127.0.0.1:8081";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> token(Map<String, String> fields) throws IOException, InterruptedException {
        return postForm("/oauth2/token", fields);
    }

    /** Renews with {@code refreshToken} as the pages do. */
    HttpResponse<String> renew(String refreshToken) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id",
                "hotline-pages"));
    }

    String csrf() throws IOException, InterruptedException {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** Posts the sign-in form once, as a person types {@code user} and {@code password}. */
    HttpResponse<String> submitSignIn(String user, String password) throws IOException, InterruptedException {
        return postForm("/login", Map.of("username", user, "password", password, "_csrf", csrf()));
    }

    /** The whole sign-in of a page: authorization code with PKCE through the form; the tokens the page gets. */
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
        HttpResponse<String> signedIn = submitSignIn(user, password);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
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

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
