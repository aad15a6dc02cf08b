package org.hotline12345.notification.gateway.aliyun;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline12345.notification.gateway.ProviderResilience;
import org.hotline12345.notification.gateway.SmsGateway;
import org.hotline12345.notification.gateway.SmsProviderProperties;
import io.micrometer.common.KeyValue;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS (Dysmsapi 2017-05-25) through its documented HTTP API, signed with the V3 signature: a text is
 * an approved template and its variables ({@code SendSms}), sent under the city's approved signature, with the
 * notification's id as {@code OutId}. The provider does not make sends idempotent, so after an attempt whose outcome
 * is unknown (a timeout, a lost connection, the provider's internal error) the text is looked for by its
 * {@code OutId} among what the number was sent that day ({@code QuerySendDetails}) before it is sent again.
 */
public class AliyunSmsGateway implements SmsGateway {

    static final String VERSION = "2017-05-25";
    private static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SEND_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int PAGE_SIZE = 50;
    /**
     * A number gets a few texts a day from the hub; past this many pages it is a number someone else texts a lot,
     * and the look-up would outlast the text's lease.
     */
    private static final int MAX_PAGES = 2;
    /** What the provider takes for a variable that has no value: it refuses an empty one. */
    private static final String NO_VALUE = "-";

    private final WebClient client;
    private final URI endpoint;
    private final String host;
    private final SmsProviderProperties provider;
    private final AliyunProperties settings;
    private final Map<String, String> templateCodes;
    private final ProviderResilience resilience;
    private final JsonMapper json;
    private final Clock clock;

    public AliyunSmsGateway(WebClient.Builder builder, SmsProviderProperties provider, AliyunProperties settings,
            ProviderResilience resilience, JsonMapper json, Clock clock) {
        this.endpoint = URI.create(provider.baseUrl());
        // the Host header as the client sends it: the port only when it is not the scheme's own
        boolean defaultPort = endpoint.getPort() == -1 || endpoint.getPort() == 443 && "https".equals(endpoint
                .getScheme()) || endpoint.getPort() == 80 && "http".equals(endpoint.getScheme());
        this.host = defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        // every parameter, the number included, is in the query: traces get the address without it
        this.client = builder.observationConvention(new WithoutQuery()).build();
        this.provider = provider;
        this.settings = settings;
        this.templateCodes = settings.codes();
        this.resilience = resilience;
        this.json = json;
        this.clock = clock;
    }

    /** Whether the failure is the provider's (retried, and counted by the circuit), not our request's. */
    public static boolean providerFault(Throwable e) {
        return e instanceof AliyunException refused ? refused.providerFault()
                : ProviderResilience.transportOrServerFault(e);
    }

    @Override
    public Mono<String> send(OutgoingText text) {
        String code = templateCodes.get(text.trigger() + "." + text.language());
        if (code == null) {
            return Mono.error(new IllegalStateException("no Alibaba Cloud template code for " + text.trigger() + "."
                    + text.language() + " in HOTLINE_SMS_TEMPLATE_CODES"));
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("PhoneNumbers", number(text.e164()));
        query.put("SignName", settings.signName());
        query.put("TemplateCode", code);
        query.put("TemplateParam", json.writeValueAsString(variables(text.values())));
        query.put("OutId", text.notificationId());
        AtomicBoolean uncertain = new AtomicBoolean(text.triedBefore());
        return resilience.guard(Mono.defer(() -> uncertain.get()
                        ? taken(text).switchIfEmpty(Mono.defer(() -> sent(query)))
                        : sent(query))
                .doOnError(e -> ProviderResilience.outcomeUnknown(e)
                        || e instanceof AliyunException refused && refused.uncertain(), e -> uncertain.set(true)))
                .onErrorMap(e -> e instanceof AliyunException refused && refused.refusedForGood(),
                        e -> new TextRefused(e.getMessage()));
    }

    private Mono<String> sent(Map<String, String> query) {
        return call("SendSms", query).map(answer -> answer.path("BizId").asString(""))
                .flatMap(id -> id.isEmpty()
                        ? Mono.error(new IllegalStateException("the provider answered OK without a BizId"))
                        : Mono.just(id));
    }

    /**
     * The provider's record of this text, if it took it: its {@code OutId} among what the number was sent on the
     * provider's calendar today and yesterday (a first attempt just before midnight); empty when it has none.
     */
    private Mono<String> taken(OutgoingText text) {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return Flux.just(today, today.minusDays(1))
                .concatMap(day -> Flux.range(1, MAX_PAGES)
                        .concatMap(page -> call("QuerySendDetails", Map.of("PhoneNumber", number(text.e164()),
                                "SendDate", day.format(SEND_DATE), "PageSize", String.valueOf(PAGE_SIZE),
                                "CurrentPage", String.valueOf(page))))
                        .takeUntil(answer -> answer.path("SmsSendDetailDTOs").path("SmsSendDetailDTO").size()
                                < PAGE_SIZE))
                .flatMapIterable(answer -> answer.path("SmsSendDetailDTOs").path("SmsSendDetailDTO"))
                .filter(detail -> text.notificationId().equals(detail.path("OutId").asString()))
                // the query does not give the BizId; receipts are matched by OutId, which is the notification's id
                .map(detail -> text.notificationId())
                .next();
    }

    /** One signed call of the RPC API: every parameter in the query, an empty body. */
    private Mono<JsonNode> call(String action, Map<String, String> parameters) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-acs-action", action);
        headers.put("x-acs-version", VERSION);
        headers.put("x-acs-date", SIGNED_AT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        headers.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        headers.put("x-acs-content-sha256", AliyunSignature.EMPTY_BODY_SHA256);
        String authorization = AliyunSignature.authorization(provider.apiKey(), provider.secret(), "POST", "/",
                parameters, headers, AliyunSignature.EMPTY_BODY_SHA256);
        return client.post().uri(endpoint.resolve("/?" + AliyunSignature.canonicalQuery(parameters)))
                .headers(h -> {
                    headers.forEach((name, value) -> {
                        if (!name.equals("host")) {
                            h.set(name, value);
                        }
                    });
                    h.set("Authorization", authorization);
                    h.set("Accept", "application/json");
                })
                .exchangeToMono(response -> answer(response))
                .timeout(provider.timeout());
    }

    /** The answer, or the provider's code as an error: from an error status or from a 200 that is not OK. */
    private Mono<JsonNode> answer(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        return response.bodyToMono(String.class).defaultIfEmpty("{}")
                .map(body -> {
                    JsonNode answer;
                    try {
                        answer = json.readTree(body);
                    } catch (RuntimeException unreadable) {
                        throw new AliyunException("Unreadable", "HTTP " + status.value() + " " + body, status.value());
                    }
                    String code = answer.path("Code").asString("");
                    if (status.isError() || !"OK".equals(code)) {
                        throw new AliyunException(code.isEmpty() ? "HTTP" + status.value() : code,
                                answer.path("Message").asString(""), status.value());
                    }
                    return answer;
                });
    }

    /** The number as the provider takes it: a mainland number's 11 digits, else country code and number. */
    static String number(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        return digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
    }

    /** The template's variables, each within the provider's length, as strings. */
    private Map<String, String> variables(Map<String, String> values) {
        Map<String, String> variables = new TreeMap<>();
        values.forEach((name, value) -> variables.put(name, value.isBlank() ? NO_VALUE
                : value.codePointCount(0, value.length()) <= settings.maxVariableLength() ? value
                : value.substring(0, value.offsetByCodePoints(0, settings.maxVariableLength() - 1)) + "…"));
        return variables;
    }

    public ProviderResilience resilience() {
        return resilience;
    }

    /** Client spans and metrics name the provider's address without the query, which holds the number. */
    static final class WithoutQuery extends DefaultClientRequestObservationConvention {

        @Override
        protected KeyValue httpUrl(ClientRequestObservationContext context) {
            KeyValue url = super.httpUrl(context);
            int query = url.getValue().indexOf('?');
            return query < 0 ? url : KeyValue.of(url.getKey(), url.getValue().substring(0, query));
        }
    }
}
