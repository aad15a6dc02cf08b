package org.hotline12345.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Someone guesses passwords at the sign-in form: after a few wrong ones for a user name, that name cannot sign in for
 * a while, even with the right password, and is told so with 429; after more from one address, nobody can from
 * there. A person who signs in at the first or second try is not slowed down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hotline.identity.sign-in-failures-per-user=3", "hotline.identity.sign-in-failures-per-address=6",
        "hotline.identity.sign-in-pause=10m"})
class SignInThrottleTest {

    static final String PASSWORD = "demo-" + System.nanoTime();
    static Path folder;

    static {
        try {
            folder = Files.createTempDirectory("identity-throttle-test");
            Files.writeString(folder.resolve("key.json"), new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true).generate().toJSONString());
            Files.writeString(folder.resolve("users.json"), """
                    {"users": [
                      {"username": "supervisor-01", "name": "班长 01", "roles": ["SUPERVISOR"]},
                      {"username": "analyst-01", "name": "分析员 01", "roles": ["ANALYST"]}
                    ]}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("hotline.identity.key-file", () -> folder.resolve("key.json").toString());
        registry.add("hotline.identity.users-file", () -> folder.resolve("users.json").toString());
        registry.add("hotline.identity.password", () -> PASSWORD);
        registry.add("hotline.identity.issuer", () -> "http://127.0.0.1:9000");
        registry.add("hotline.identity.page-origins", () -> Browser.PAGE);
    }

    @LocalServerPort
    int port;

    @Test
    void pausesAGuessedUserNameThenAGuessingAddressWith429() throws Exception {
        Browser guesser = new Browser(port);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = guesser.submitSignIn("supervisor-01", "guess-" + i);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }

        // the right password now is refused too: the name is paused, and the form says for how long
        HttpResponse<String> paused = new Browser(port).submitSignIn("supervisor-01", PASSWORD);
        assertThat(paused.statusCode()).isEqualTo(429);
        assertThat(paused.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
                .isBetween(1L, 600L);
        assertThat(paused.body()).contains("登录失败次数过多，请 10 分钟后再试。").contains("name=\"_csrf\"");
        // another name from the same address still signs in
        assertThat(new Browser(port).signIn("analyst-01", PASSWORD).get("access_token")).isNotNull();

        for (int i = 0; i < 3; i++) {
            guesser.submitSignIn("someone-" + i, "guess");
        }

        // six wrong passwords from this address: nobody signs in from it for now
        HttpResponse<String> fromHere = new Browser(port).submitSignIn("analyst-01", PASSWORD);
        assertThat(fromHere.statusCode()).isEqualTo(429);
        assertThat(fromHere.headers().firstValue("Location")).isEmpty();
    }
}
