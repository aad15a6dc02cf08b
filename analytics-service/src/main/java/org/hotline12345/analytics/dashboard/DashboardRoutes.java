package org.hotline12345.analytics.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the dashboard's page at {@code /dashboard}; its script and styles are static resources beside it. */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

    @Bean
    RouterFunction<ServerResponse> dashboardPage(@Value("classpath:/static/dashboard/index.html") Resource page) {
        return RouterFunctions.route(GET("/dashboard").or(GET("/dashboard/")),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
    }
}
