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
            "GRID_WORKER", "KNOWLEDGE_EDITOR");
    private static final String ANYONE = "ANYONE";
    private static final String AUTHENTICATED = "AUTHENTICATED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Endpoint> endpoints;

    private ApiDocuments(List<Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * One operation of the document: its method, its path template, who may call it, its parameters (name to
     * {@code query} or {@code path}) and the fields of its body, if it takes one, in {@code bodyType}.
     */
    public record Endpoint(String method, String path, List<String> roles, boolean hasBody,
            Map<String, String> parameters, Map<String, String> bodyFields, String bodyType) {

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
        JsonNode document = JSON.readTree(body);
        JsonNode schemas = document.path("components").path("schemas");
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
            Map<String, String> parameters = new java.util.LinkedHashMap<>();
            operation.getValue().path("parameters").forEach(parameter -> {
                String in = parameter.path("in").asString();
                if ("query".equals(in) || "path".equals(in)) {
                    parameters.put(parameter.path("name").asString(), in);
                }
            });
            Map<String, String> bodyFields = new java.util.LinkedHashMap<>();
            String bodyType = null;
            JsonNode content = operation.getValue().path("requestBody").path("content");
            if (!content.isMissingNode() && content.propertyNames().iterator().hasNext()) {
                bodyType = content.propertyNames().iterator().next();
                JsonNode schema = content.path(bodyType).path("schema");
                if (schema.has("$ref")) {
                    schema = schemas.path(schema.path("$ref").asString().replace("#/components/schemas/", ""));
                }
                schema.path("properties").properties().forEach(field -> bodyFields.put(field.getKey(),
                        field.getValue().path("type").asString("string")));
            }
            endpoints.add(new Endpoint(operation.getKey().toUpperCase(), path.getKey(), List.copyOf(roles),
                    operation.getValue().has("requestBody"), Map.copyOf(parameters), Map.copyOf(bodyFields),
                    bodyType));
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
     * The document's operations and roles are those the service's access matrix (a test resource, one line per
     * operation: {@code POST /api/v1/calls OPERATOR}) grants: a new endpoint, or a rule changed in code, fails the
     * build until the matrix says the same. The failure lists the lines the document implies.
     */
    public void assertMatchesAccessMatrix(String resource) {
        List<String> granted = new ArrayList<>();
        try (java.io.InputStream in = ApiDocuments.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(granted::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> documented = endpoints.stream()
                .map(e -> e.method() + " " + e.path() + " " + String.join(",", e.roles().stream().sorted().toList()))
                .sorted().toList();
        assertThat(documented).as("the operations of the OpenAPI document and who may call them, against "
                + resource).containsExactlyInAnyOrderElementsOf(granted);
    }

    /**
     * Calls every operation as strangers would: without a token, with an expired one, with one of another audience
     * and one of another issuer (each with every role), and with each role. A public operation is answered without
     * a token (a signed webhook may still refuse an unsigned call). Any other refuses the first four with 401, a role
     * it does not name never gets through (403, or 400 when the request was refused before its rule was asked), and
     * a role it names is let past the token check. No call is answered with a server error.
     */
    public void assertAccessMatrix(WebTestClient service, SharedTestInfrastructure infra) {
        WebTestClient web = patient(service);
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

    /** Values a stranger types or a broken client sends: empty, huge, wrong-typed, out of range, hostile text. */
    static final List<String> HOSTILE = List.of("", " ", "x".repeat(5_000), "-1", "0", "99999999999999999999999",
            "1e309", "NaN", "null", "true", "[]", "{}", "\u0000", "\uD800", "\u202Eevil", "😀".repeat(200),
            "'; db.dropDatabase(); '", "{\"$gt\":\"\"}", "../../../etc/passwd", "%00", "２０２６-１３-４５", "2026-13-45",
            "+99999-01-01T00:00:00Z", "12345-99999999-999999", "<script>alert(1)</script>");
    /**
     * Refusals of the HTTP server itself, for a request line or headers longer than it reads, before any of the
     * service's code: they carry no body.
     */
    static final Set<Integer> HTTP_CODEC_REFUSALS = Set.of(414, 431);
    /** Bodies that are not what any operation takes. */
    static final List<String> HOSTILE_BODIES = List.of("", "not json", "[]", "null", "\"text\"", "{\"a\":",
            "[".repeat(5_000), "{\"x\":\"" + "y".repeat(70_000) + "\"}");

    /**
     * Calls every operation, as a caller it lets through, with hostile values in each parameter and each body field
     * (and hostile bodies as a whole): no answer is a server error, every refusal is an RFC 9457 problem (or, on
     * Open311's paths, the specification's error body), and nothing reaches the topics but what an accepted
     * request published. Which values go where is drawn from {@code seed}, the same on every run.
     */
    public void assertSurvivesHostileInput(WebTestClient service, SharedTestInfrastructure infra, long seed) {
        WebTestClient web = patient(service);
        java.util.Random random = new java.util.Random(seed);
        List<String> topics = org.hotline12345.contracts.Topics.ALL;
        org.hotline12345.embedded.EventTopics counter = new org.hotline12345.embedded.EventTopics(infra.kafka());
        try (counter) {
            long recordsBefore = counter.recordsOn(topics);
            int accepted = 0;
            List<String> failures = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                String token = tokenFor(endpoint, infra.tokens());
                List<Fuzzed> cases = new ArrayList<>();
                endpoint.parameters().forEach((name, in) -> {
                    for (int i = 0; i < 6; i++) {
                        cases.add(Fuzzed.parameter(name, in, HOSTILE.get(random.nextInt(HOSTILE.size()))));
                    }
                });
                if (endpoint.bodyType() != null) {
                    endpoint.bodyFields().keySet().forEach(field -> {
                        for (int i = 0; i < 6; i++) {
                            cases.add(Fuzzed.field(field, HOSTILE.get(random.nextInt(HOSTILE.size())),
                                    random.nextBoolean()));
                        }
                    });
                    HOSTILE_BODIES.forEach(whole -> cases.add(Fuzzed.body(whole)));
                }
                for (Fuzzed fuzzed : cases) {
                    WebTestClient.ResponseSpec answer = send(web, endpoint, token, fuzzed);
                    org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> result = answer
                            .expectBody().returnResult();
                    int status = result.getStatus().value();
                    String what = endpoint.method() + " " + endpoint.path() + " with " + fuzzed;
                    MediaType type = result.getResponseHeaders().getContentType();
                    if (status >= 500) {
                        failures.add(what + " answered " + status);
                    } else if (status >= 400 && !HTTP_CODEC_REFUSALS.contains(status) && !isProblem(endpoint, type)) {
                        failures.add(what + " answered " + status + " as " + type);
                    } else if (status < 300 && !"GET".equals(endpoint.method())) {
                        accepted++;
                    }
                }
            }
            assertThat(failures).as("answers to hostile input").isEmpty();
            assertThat(counter.recordsOn(topics) - recordsBefore).as("records published")
                    .isLessThanOrEqualTo(accepted);
        }
    }

    /**
     * A client that waits longer than the default 5 s: a request the service accepts may be the first to publish
     * (a new transactional producer) while the machine runs other tests.
     */
    private static WebTestClient patient(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static boolean isProblem(Endpoint endpoint, MediaType type) {
        if (type == null) {
            return false;
        }
        if (endpoint.path().startsWith("/open311/")) {
            // the specification's error body, or a problem where no Open311 operation was reached at all
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.TEXT_XML)
                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String tokenFor(Endpoint endpoint, TokenMinter tokens) {
        if (endpoint.open()) {
            return null;
        }
        String role = endpoint.roles().stream().filter(ROLES::contains).findFirst().orElse("SUPERVISOR");
        return tokens.mint("fuzz-" + role.toLowerCase(), List.of(role), "UNIT".equals(role) ? "URBAN_MGMT" : null,
                Duration.ofMinutes(10));
    }

    /** One hostile request: a parameter, a body field (as a string or raw JSON) or the whole body. */
    private record Fuzzed(String name, String in, String value, boolean raw) {

        static Fuzzed parameter(String name, String in, String value) {
            return new Fuzzed(name, in, value, false);
        }

        static Fuzzed field(String name, String value, boolean raw) {
            return new Fuzzed(name, "body", value, raw);
        }

        static Fuzzed body(String value) {
            return new Fuzzed(null, "whole body", value, true);
        }

        @Override
        public String toString() {
            String shown = value.length() > 40 ? value.substring(0, 40) + "… (" + value.length() + ")" : value;
            return in + (name == null ? "" : " " + name) + " = " + (raw ? "raw " : "") + "'" + shown + "'";
        }
    }

    private static WebTestClient.ResponseSpec send(WebTestClient web, Endpoint endpoint, String token, Fuzzed fuzzed) {
        String path = endpoint.path();
        Map<String, Object> variables = new java.util.HashMap<>();
        java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{([^}:]+)[^}]*}").matcher(path);
        while (variable.find()) {
            String name = variable.group(1);
            variables.put(name, "path".equals(fuzzed.in()) && name.equals(fuzzed.name()) ? fuzzed.value()
                    : "format".equals(name) ? "json" : "x1");
        }
        String template = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        if ("query".equals(fuzzed.in())) {
            variables.put("fuzzed", fuzzed.value());
        }
        // the values are expanded into the template and encoded, as a client would send them
        WebTestClient.RequestBodySpec request = web.method(HttpMethod.valueOf(endpoint.method())).uri(builder -> {
            builder.path(template);
            if ("query".equals(fuzzed.in())) {
                builder.queryParam(fuzzed.name(), "{fuzzed}");
            }
            return builder.build(variables);
        });
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token));
        }
        if (endpoint.bodyType() == null) {
            return request.exchange();
        }
        if (endpoint.bodyType().contains("form-urlencoded")) {
            org.springframework.util.LinkedMultiValueMap<String, String> form =
                    new org.springframework.util.LinkedMultiValueMap<>();
            endpoint.bodyFields().keySet().forEach(field -> form.add(field, field.equals(fuzzed.name())
                    ? fuzzed.value() : "x"));
            return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form)).exchange();
        }
        String body;
        if ("whole body".equals(fuzzed.in())) {
            body = fuzzed.value();
        } else {
            StringBuilder json = new StringBuilder("{");
            endpoint.bodyFields().forEach((field, type) -> {
                if (json.length() > 1) {
                    json.append(',');
                }
                String value = field.equals(fuzzed.name()) ? (fuzzed.raw() && isJsonValue(fuzzed.value())
                        ? fuzzed.value() : quoted(fuzzed.value())) : plausible(type);
                json.append(quoted(field)).append(':').append(value);
            });
            body = json.append('}').toString();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static boolean isJsonValue(String value) {
        try {
            JSON.readTree(value);
            return !value.isBlank();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static String plausible(String type) {
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "array" -> "[]";
            case "object" -> "{}";
            default -> "\"x\"";
        };
    }

    private static String quoted(String value) {
        return JSON.writeValueAsString(value);
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
