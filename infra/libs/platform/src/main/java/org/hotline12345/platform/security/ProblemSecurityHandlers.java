package org.hotline12345.platform.security;

import org.hotline12345.platform.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

/** Answers 401 and 403 as RFC 9457 problems, like every other error of the hub. */
final class ProblemSecurityHandlers {

    private final ProblemWriter problems;

    ProblemSecurityHandlers(ProblemWriter problems) {
        this.problems = problems;
    }

    ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        };
    }

    ServerAccessDeniedHandler accessDenied() {
        return (exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                "The token does not carry a role that may do this.");
    }
}
