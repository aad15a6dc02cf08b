package org.hotline12345.notification.gateway;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic SMS provider's JSON API (or a city's own SMS platform): {@code POST /v1/sms} with the account key, a
 * timestamp and an HMAC-SHA256 signature of timestamp and body, behind the provider's {@link ProviderResilience}.
 */
public class HttpSmsGateway implements SmsGateway {

    private final WebClient client;
    private final JsonMapper json;
    private final SmsProviderProperties settings;
    private final Clock clock;
    private final ProviderResilience resilience;

    public HttpSmsGateway(WebClient.Builder builder, JsonMapper json, SmsProviderProperties settings,
            ProviderResilience resilience, Clock clock) {
        this.client = builder.baseUrl(settings.baseUrl()).build();
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.resilience = resilience;
    }

    /**
     * Sends the text, at most once as far as the provider can tell: an attempt whose outcome is unknown (it timed
     * out or lost its connection after the request went out, here or in an earlier delivery of the same text) is
     * followed by a look-up of the client reference, and only a text the provider does not have is posted again.
     */
    @Override
    public Mono<String> send(OutgoingText text) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("clientReference", text.notificationId());
        request.put("to", text.e164());
        request.put("text", text.body());
        request.put("language", text.language());
        String body = json.writeValueAsString(request);
        AtomicBoolean uncertain = new AtomicBoolean(text.triedBefore());
        return resilience.guard(Mono.defer(() -> uncertain.get()
                        ? taken(text.notificationId()).switchIfEmpty(Mono.defer(() -> post(body)))
                        : post(body))
                .doOnError(ProviderResilience::outcomeUnknown, e -> uncertain.set(true)));
    }

    private Mono<String> post(String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return client.post().uri("/v1/sms")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Api-Key", settings.apiKey())
                .header("X-Timestamp", timestamp)
                .header("X-Signature", HmacSignature.sign(settings.secret(), timestamp + "\n" + body))
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(settings.timeout())
                .map(answer -> answer.path("messageId").asString(""))
                .flatMap(id -> id.isEmpty()
                        ? Mono.error(new IllegalStateException("the provider answered without a messageId"))
                        : Mono.just(id));
    }

    /**
     * The provider's message id for a text it took with this client reference: {@code GET /v1/sms/{reference}},
     * signed like a send (over the path instead of a body); empty when it answers 404.
     */
    private Mono<String> taken(String reference) {
        String path = "/v1/sms/" + reference;
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return client.get().uri("/v1/sms/{reference}", reference)
                .header("X-Api-Key", settings.apiKey())
                .header("X-Timestamp", timestamp)
                .header("X-Signature", HmacSignature.sign(settings.secret(), timestamp + "\n" + path))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(settings.timeout())
                .map(answer -> answer.path("messageId").asString(""))
                .filter(id -> !id.isEmpty())
                .onErrorResume(WebClientResponseException.NotFound.class, notTaken -> Mono.empty());
    }
}
