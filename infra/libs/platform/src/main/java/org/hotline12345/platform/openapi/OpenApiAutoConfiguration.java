package org.hotline12345.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.security.SecurityAutoConfiguration;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Completes the OpenAPI document springdoc derives from a service's controllers (served at {@code /v3/api-docs},
 * with Swagger UI at {@code /swagger-ui.html}): the service's name, the bearer-token scheme, on each operation the
 * roles that may call it ({@code x-roles}, {@code ANYONE} on public paths) and the problems every operation can
 * answer besides its own.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOperationCustomizer.class)
public class OpenApiAutoConfiguration {

    static final String BEARER = "bearer";
    static final String ROLES = "x-roles";
    static final String ANYONE = "ANYONE";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "the request is malformed or a field is invalid; `errors` names each field",
            "401", "no valid bearer token (missing, expired, or of another issuer or audience)",
            "403", "the token's roles do not allow this",
            "413", "the body is larger than the service accepts",
            "429", "too many requests; `Retry-After` says when to try again",
            "503", "a dependency (MongoDB or Kafka) did not answer in time; safe to retry");

    @Bean
    GlobalOperationCustomizer hotlineOperationRoles() {
        return (operation, handler) -> {
            List<String> roles = EndpointRoles.of(handler);
            if (!roles.isEmpty()) {
                operation.addExtension(ROLES, roles);
            }
            return operation;
        };
    }

    @Bean
    GlobalOpenApiCustomizer hotlineDocument(HotlineProperties properties, Environment environment) {
        List<PathPattern> publicPaths = Stream.concat(properties.security().publicPaths().stream(),
                Stream.of(SecurityAutoConfiguration.PAGE_ASSETS))
                .map(PathPatternParser.defaultInstance::parse).toList();
        return openApi -> {
            String service = environment.getProperty("spring.application.name", "service");
            openApi.info(new Info().title("12345 hotline hub: " + service).version("v1")
                    .description("Roles per operation in `x-roles`; errors are RFC 9457 problems."));
            openApi.schemaRequirement(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT"));
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents().addSchemas("Problem", new Schema<>().type("object")
                    .addProperty("type", new Schema<>().type("string")).addProperty("title", new Schema<>().type("string"))
                    .addProperty("status", new Schema<>().type("integer"))
                    .addProperty("detail", new Schema<>().type("string"))
                    .addProperty("code", new Schema<>().type("string")
                            .description("stable code of the problem, e.g. `validation`, `not-found`, `transition`"))
                    .addProperty("errors", new Schema<>().type("array").items(new Schema<>().type("object")
                            .addProperty("field", new Schema<>().type("string"))
                            .addProperty("code", new Schema<>().type("string")
                                    .description("stable code of the broken rule, e.g. `required`, `format`"))
                            .addProperty("message", new Schema<>().type("string")))));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean open = publicPaths.stream().anyMatch(pattern -> pattern.matches(
                        PathContainer.parsePath(path.replaceAll("\\{[^}]+}", "x"))));
                item.readOperations().forEach(operation -> complete(operation, open));
                if (path.contains("{")) {
                    // what a path names may not exist, or not be the caller's (answered alike); and a change to it
                    // may not be allowed in its current state
                    item.readOperations().forEach(operation -> problem(operation, "404",
                            "no such resource, or not one the caller may see"));
                    if (item.getPost() != null) {
                        problem(item.getPost(), "409", "not allowed in the resource's current state, or it changed "
                                + "meanwhile; `currentState` names the state");
                    }
                }
            });
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castRoles(Operation operation) {
        return (List<String>) operation.getExtensions().get(ROLES);
    }

    private static void complete(Operation operation, boolean open) {
        if (open) {
            operation.addExtension(ROLES, List.of(ANYONE));
            operation.setSecurity(List.of());
        } else {
            if (operation.getExtensions() == null || !operation.getExtensions().containsKey(ROLES)) {
                operation.addExtension(ROLES, List.of(EndpointRoles.AUTHENTICATED));
            }
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        // the roles again where a person reads them in Swagger UI
        List<String> roles = castRoles(operation);
        String who = roles.equals(List.of(ANYONE)) ? "Who may call it: anyone, without a token."
                : "Who may call it: " + String.join(", ", roles) + ".";
        if (operation.getDescription() == null) {
            operation.setDescription(who);
        } else if (!operation.getDescription().startsWith(who)) {
            operation.setDescription(who + "\n\n" + operation.getDescription());
        }
        PROBLEMS.forEach((status, meaning) -> {
            if (open && ("401".equals(status) || "403".equals(status))) {
                return;
            }
            problem(operation, status, meaning);
        });
    }

    private static void problem(Operation operation, String status, String meaning) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(meaning)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
        }
    }
}
