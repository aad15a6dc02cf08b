package org.hotline12345.notification.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The provider adapter against a real HTTP server that answers, fails, stalls and recovers. */
class HttpSmsGatewayTest {

    WireMockServer provider;
    HttpSmsGateway gateway;
    ProviderResilience resilience;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
        SmsProviderProperties settings = new SmsProviderProperties("http://127.0.0.1:" + provider.port(), "key-1",
                "s3cret", Duration.ofMillis(500), 3, 50, 10, 50, Duration.ofSeconds(1));
        resilience = new ProviderResilience(settings, ProviderResilience::transportOrServerFault);
        gateway = new HttpSmsGateway(WebClient.builder(), JsonMapper.builder().build(), settings, resilience,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void sendsASignedRequestAndReturnsTheProvidersMessageId() {
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-42\"}")));

        StepVerifier.create(gateway.send(text("n-1"))).expectNext("m-42").verifyComplete();

        LoggedRequest request = provider.findAll(postRequestedFor(urlEqualTo("/v1/sms"))).get(0);
        assertThat(request.getHeader("X-Api-Key")).isEqualTo("key-1");
        String signed = request.getHeader("X-Timestamp") + "\n" + request.getBodyAsString();
        assertThat(HmacSignature.verify("s3cret", signed, request.getHeader("X-Signature"))).isTrue();
        provider.verify(postRequestedFor(urlEqualTo("/v1/sms"))
                .withRequestBody(matchingJsonPath("$.clientReference", equalTo("n-1")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("+8613812345678"))));
    }

    @Test
    void retriesAFailingProviderWithBackOffUntilItAnswers() {
        provider.stubFor(post("/v1/sms").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        provider.stubFor(post("/v1/sms").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        provider.stubFor(post("/v1/sms").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messageId\":\"m-3\"}")));

        StepVerifier.create(gateway.send(text("n-2"))).expectNext("m-3").verifyComplete();

        provider.verify(3, postRequestedFor(urlEqualTo("/v1/sms")));
    }

    /**
     * Three attempts, each bounded by the timeout: the first posts; as its outcome is unknown, each later one asks
     * the provider first and posts again only if it does not have the text. A look-up slowed past the timeout by a
     * busy machine (or one that never reached the provider within it) counts as an attempt without a post, so the
     * look-ups are at most two and the posts one more than the look-ups at most.
     */
    @Test
    void givesUpOnAStalledProviderWithinTheTimeoutOfEachAttempt() {
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withFixedDelay(3_000).withStatus(200)
                .withBody("{\"messageId\":\"late\"}")));
        provider.stubFor(get(urlPathMatching("/v1/sms/.*")).willReturn(aResponse().withStatus(404)));

        StepVerifier.create(gateway.send(text("n-3"))).expectError().verify(Duration.ofSeconds(6));

        int lookUps = provider.findAll(getRequestedFor(urlPathMatching("/v1/sms/.*"))).size();
        assertThat(lookUps).isBetween(0, 2);
        assertThat(provider.findAll(postRequestedFor(urlEqualTo("/v1/sms")))).as("no post again without asking first")
                .hasSizeBetween(1, 1 + lookUps);
    }

    @Test
    void asksTheProviderBeforeSendingAgainATextWhoseAnswerCameTooLate() {
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withFixedDelay(1_500).withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-late\"}")));
        provider.stubFor(get("/v1/sms/n-5").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-late\"}")));

        StepVerifier.create(gateway.send(text("n-5"))).expectNext("m-late").verifyComplete();

        provider.verify(1, postRequestedFor(urlEqualTo("/v1/sms")));
        LoggedRequest lookUp = provider.findAll(getRequestedFor(urlEqualTo("/v1/sms/n-5"))).get(0);
        assertThat(HmacSignature.verify("s3cret", lookUp.getHeader("X-Timestamp") + "\n/v1/sms/n-5",
                lookUp.getHeader("X-Signature"))).isTrue();
    }

    @Test
    void asksFirstWhenAnEarlierDeliveryOfTheTextFailed() {
        provider.stubFor(get("/v1/sms/n-6").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-earlier\"}")));

        StepVerifier.create(gateway.send(new SmsGateway.OutgoingText("n-6", "t-1", "+8613812345678",
                "138****5678", "【12345】测试", "zh", 1, true, "TicketReceived", Map.of()))).expectNext("m-earlier").verifyComplete();

        provider.verify(0, postRequestedFor(urlEqualTo("/v1/sms")));
    }

    @Test
    void doesNotRetryARequestTheProviderRefuses() {
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad to\"}")));

        StepVerifier.create(gateway.send(text("n-4"))).expectError().verify(Duration.ofSeconds(5));

        provider.verify(1, postRequestedFor(urlEqualTo("/v1/sms")));
    }

    @Test
    void opensTheCircuitOnAFailingProviderAndClosesItAfterRecovery() {
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(gateway.send(text("n-down-" + i))).expectError().verify(Duration.ofSeconds(5));
        }
        assertThat(resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhileOpen = provider.findAll(postRequestedFor(urlEqualTo("/v1/sms"))).size();

        StepVerifier.create(gateway.send(text("n-blocked"))).expectError(CallNotPermittedException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(provider.findAll(postRequestedFor(urlEqualTo("/v1/sms")))).hasSize(callsWhileOpen);

        provider.resetAll();
        provider.stubFor(post("/v1/sms").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messageId\":\"m-back\"}")));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                StepVerifier.create(gateway.send(text("n-recovered"))).expectNext("m-back").verifyComplete());
        gateway.send(text("n-after")).block(Duration.ofSeconds(5));
        assertThat(resilience.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        List<LoggedRequest> sent = provider.findAll(postRequestedFor(urlEqualTo("/v1/sms")));
        assertThat(sent).isNotEmpty();
    }

    private static SmsGateway.OutgoingText text(String id) {
        return new SmsGateway.OutgoingText(id, "t-1", "+8613812345678", "138****5678", "【12345】测试", "zh", 1, false,
                "TicketReceived", Map.of());
    }
}
