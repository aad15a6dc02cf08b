package org.hotline12345.platform.security;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * What reading a call's bearer token and checking its headers costs per request: Spring Security's converter and
 * firewall predicates (regular expressions) against the platform's ({@link BearerTokenHeader},
 * {@link HeaderCharacters}), on the headers an operator's console sends with a token of the dev identity
 * provider's size (about 700 characters) and of a Keycloak access token's (about 1,400).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestHeadersBenchmark {

    @Param({"700", "1400"})
    int tokenLength;

    private MockServerWebExchange exchange;
    private List<String[]> headers;
    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter platform = new BearerTokenHeader();

    @Setup
    public void request() {
        String token = token(tokenLength, new Random(12345));
        headers = List.of(new String[] {HttpHeaders.AUTHORIZATION, "Bearer " + token},
                new String[] {HttpHeaders.CONTENT_TYPE, "application/json"},
                new String[] {HttpHeaders.ACCEPT, "application/json, text/plain, */*"},
                new String[] {HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9,en;q=0.8"},
                new String[] {HttpHeaders.HOST, "12345.example.gov.cn"},
                new String[] {HttpHeaders.USER_AGENT, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                        + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"},
                new String[] {"Idempotency-Key", "0f8c6d1e-3b7a-4c55-9e21-7d4a2b9c8e10"},
                new String[] {HttpHeaders.CONTENT_LENGTH, "312"});
        MockServerHttpRequest.BaseBuilder<?> builder = MockServerHttpRequest.post("/api/v1/calls");
        headers.forEach(header -> builder.header(header[0], header[1]));
        exchange = MockServerWebExchange.from(builder);
    }

    @Benchmark
    public Object springReadsTheToken() {
        return spring.convert(exchange).block();
    }

    @Benchmark
    public Object platformReadsTheToken() {
        return platform.convert(exchange).block();
    }

    @Benchmark
    public boolean springChecksTheHeaders() {
        return checked(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES,
                StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
    }

    @Benchmark
    public boolean platformChecksTheHeaders() {
        return checked(HeaderCharacters::allowedInName, HeaderCharacters::allowedInValue);
    }

    private boolean checked(Predicate<String> names, Predicate<String> values) {
        boolean allowed = true;
        for (String[] header : headers) {
            allowed &= names.test(header[0]) && values.test(header[1]);
        }
        return allowed;
    }

    /** A JWT's shape: three base64url parts. */
    private static String token(int length, Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(i == length / 4 || i == length * 2 / 3 ? '.' : alphabet.charAt(random.nextInt(64)));
        }
        return token.toString();
    }
}
