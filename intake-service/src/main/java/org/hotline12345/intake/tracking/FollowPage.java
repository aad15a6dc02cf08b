package org.hotline12345.intake.tracking;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The citizen's follow page at the address of the link in their texts, {@code /t/{ticketNumber}.{token}}: one page
 * ({@code static/follow/index.html}) for every ticket, which reads the number and token from its own address and
 * sends them to the look-up in a request body. No referrer leaves it, so that neither its own scripts and styles
 * nor anything else it reaches learn the token from the address; and no cache keeps it. The pages' policy
 * (Content-Security-Policy) is put on it like on every HTML answer.
 */
@Configuration(proxyBeanMethods = false)
class FollowPage {

    static final String PATH = "/t/{link}";
    private static final Resource PAGE = new ClassPathResource("static/follow/index.html");

    @Bean
    RouterFunction<ServerResponse> followPageRoute() {
        return RouterFunctions.route(GET(PATH), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                .header("Referrer-Policy", "no-referrer").cacheControl(CacheControl.noStore()).bodyValue(PAGE));
    }
}
