package org.hotline12345.embedded.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hotline12345.embedded.SharedTestInfrastructure;
import org.hotline12345.embedded.TokenMinter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as its tests read it: that it documents every endpoint the service has, with the
 * roles that may call it, and the access matrix it implies, tried against the running service.
 */
public final class ApiDocuments {

    /** Every role a token of the hub can carry. */
    public static final List<String> ROLES = List.of("OPERATOR", "UNIT", "SUPERVISOR", "ANALYST", "ADMIN",
            "GRID_WORKER");
    private static final String ANYONE = "ANYONE";
    private static final String AUTHENTICATED = "AUTHENTICATED";

    private final List<Endpoint> endpoints;

    private ApiDocuments(List<Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    /** One operation of the document: its method, its path template and who may call it. */
    public record Endpoint(String method, String path, List<String> roles, boolean hasBody) {

        boolean open() {
            return roles.contains(ANYONE);
        }

        String uri() {
            // a value every path variable takes: the format of Open311's paths, anything elsewhere
            return path.replace("{format}", "json").replaceAll("\\{[^}]+}", "x1");
        }
    }

    /** Reads the document the service serves at {@code /v3/api-docs}, as anyone may. */
    public static ApiDocuments read(WebTestClient web) {
        String body = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode document = JsonMapper.builder().build().readTree(body);
        List<Endpoint> endpoints = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!Set.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                return;
            }
            List<String> roles = new ArrayList<>();
            JsonNode declared = operation.getValue().get("x-roles");
            if (declared != null) {
                declared.forEach(role -> roles.add(role.asString()));
            }
            endpoints.add(new Endpoint(operation.getKey().toUpperCase(), path.getKey(), List.copyOf(roles),
                    operation.getValue().has("requestBody")));
        }));
        return new ApiDocuments(List.copyOf(endpoints));
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /**
     * Every handler of the service's controllers is in the document, and every operation of the document says who
     * may call it: an endpoint added without either fails the build.
     */
    public void assertDocumentsEveryEndpoint(ApplicationContext context) {
        Set<String> documented = new LinkedHashSet<>();
        endpoints.forEach(endpoint -> documented.add(endpoint.method() + " " + normalised(endpoint.path())));
        Set<String> served = new LinkedHashSet<>();
        Map<RequestMappingInfo, ?> handlers = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class).getHandlerMethods();
        handlers.forEach((mapping, handler) -> {
            if (handler.toString().startsWith("org.springdoc") || handler.toString().contains(".springdoc.")) {
                return;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = mapping.getMethodsCondition()
                    .getMethods();
            mapping.getPatternsCondition().getPatterns().forEach(pattern -> methods.forEach(method -> served.add(
                    method.name() + " " + normalised(pattern.getPatternString()))));
        });
        assertThat(served).as("endpoints the service serves").isNotEmpty();
        assertThat(documented).as("the OpenAPI document").containsAll(served);
        assertThat(endpoints).as("operations that say who may call them")
                .allSatisfy(endpoint -> assertThat(endpoint.roles()).as(endpoint.method() + " " + endpoint.path())
                        .isNotEmpty());
    }

    /**
     * Calls every operation as strangers would: without a token, with an expired one, with one of another audience
     * and one of another issuer (each with every role), and with each role. A public operation is answered without
     * a token (a signed webhook may still refuse an unsigned call). Any other refuses the first four with 401, a role
     * it does not name never gets through (403, or 400 when the request was refused before its rule was asked), and
     * a role it names is let past the token check. No call is answered with a server error.
     */
    public void assertAccessMatrix(WebTestClient web, SharedTestInfrastructure infra) {
        TokenMinter tokens = infra.tokens();
        List<String> strangers = List.of(
                tokens.mint("expired", ROLES, "URBAN_MGMT", Duration.ofMinutes(-10)),
                tokens.forAudience("another-app").mint("other-app", ROLES, "URBAN_MGMT", Duration.ofMinutes(5)),
                infra.tokensIssuedBy("another-realm").mint("other-realm", ROLES, "URBAN_MGMT", Duration.ofMinutes(5)));
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            String name = endpoint.method() + " " + endpoint.path();
            if (endpoint.open()) {
                expect(failures, name + " without a token", call(web, endpoint, null),
                        status -> status != HttpStatus.FORBIDDEN.value() && status < 500);
                continue;
            }
            expect(failures, name + " without a token", call(web, endpoint, null), status -> status == 401);
            for (String stranger : strangers) {
                expect(failures, name + " with a stranger's token", call(web, endpoint, stranger),
                        status -> status == 401);
            }
            for (String role : ROLES) {
                int status = call(web, endpoint, tokens.mint("matrix-" + role.toLowerCase(), List.of(role),
                        "UNIT".equals(role) ? "URBAN_MGMT" : null, Duration.ofMinutes(5)));
                boolean named = endpoint.roles().contains(role) || endpoint.roles().contains(AUTHENTICATED);
                if (named) {
                    expect(failures, name + " as " + role, status, s -> s != 401 && s < 500);
                } else {
                    expect(failures, name + " as " + role, status, s -> s == 403 || s == 400);
                }
            }
        }
        assertThat(failures).as("the access matrix").isEmpty();
    }

    private static void expect(List<String> failures, String what, int status, Function<Integer, Boolean> ok) {
        if (!ok.apply(status)) {
            failures.add(what + " answered " + status);
        }
    }

    private static int call(WebTestClient web, Endpoint endpoint, String token) {
        WebTestClient.RequestBodySpec request = web.method(HttpMethod.valueOf(endpoint.method()))
                .uri(endpoint.uri());
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token));
        }
        WebTestClient.RequestHeadersSpec<?> sent = endpoint.hasBody()
                ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request;
        return sent.exchange().returnResult(String.class).getStatus().value();
    }

    /** A path template with its variables' names and patterns dropped: {@code /a/{id:\d+}} is {@code /a/{}}. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
