package org.hotline12345.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Who may call a handler, read from its {@code @PreAuthorize} (the method's, else its class's): the roles named by
 * {@code hasRole} and {@code hasAnyRole}, {@code AUTHENTICATED} for any signed-in caller, and nothing when the
 * handler says nothing (a public path, or any token).
 */
final class EndpointRoles {

    static final String AUTHENTICATED = "AUTHENTICATED";
    private static final Pattern ROLE_CALL = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    private EndpointRoles() {
    }

    static List<String> of(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        return rule == null ? List.of() : parse(rule.value());
    }

    static List<String> parse(String expression) {
        List<String> roles = new ArrayList<>();
        Matcher call = ROLE_CALL.matcher(expression);
        while (call.find()) {
            Matcher role = QUOTED.matcher(call.group(1));
            while (role.find()) {
                if (!roles.contains(role.group(1))) {
                    roles.add(role.group(1));
                }
            }
        }
        if (roles.isEmpty() && expression.contains("isAuthenticated()")) {
            roles.add(AUTHENTICATED);
        }
        return List.copyOf(roles);
    }
}
