package org.hotline12345.platform.pages;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.city.CityAutoConfiguration;
import org.hotline12345.referencedata.City;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Serves what the hub's pages share (the scripts under {@code /hub/} are static resources of this module) and each
 * page a service has at its own address: {@code /console} is {@code static/console/index.html}.
 */
@AutoConfiguration(after = CityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class PagesAutoConfiguration {

    /** Also when an application scans this package and made one already: one instance, mapped once. */
    @Bean
    @ConditionalOnMissingBean
    PagesController hotlinePagesController(HotlineProperties properties, City city, Environment environment) {
        return new PagesController(properties, city, environment);
    }

    /**
     * The pages' Content-Security-Policy on every HTML answer of the service, whichever way it is served: a page at
     * its own address, the same file as {@code /console/index.html}, a service's own static HTML, an error page.
     */
    @Bean
    WebFilter hotlinePagePolicy(HotlineProperties properties) {
        return new PagePolicyFilter(PagePolicy.of(properties.pages()));
    }

    /** Each page, and the pages' own sign-in and sign-out pages, with their Content-Security-Policy. */
    @Bean
    RouterFunction<ServerResponse> hotlinePages(HotlineProperties properties) {
        String policy = PagePolicy.of(properties.pages());
        return RouterFunctions.route(GET("/hub/{name:callback|signed-out}.html"), request -> page(
                        new ClassPathResource("META-INF/resources/hub/" + request.pathVariable("name") + ".html"),
                        policy))
                .andRoute(GET("/{page:[a-z]+}").or(GET("/{page:[a-z]+}/")), request -> page(
                        new ClassPathResource("static/" + request.pathVariable("page") + "/index.html"), policy));
    }

    private static Mono<ServerResponse> page(Resource page, String policy) {
        return page.exists() ? ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", policy).bodyValue(page) : ServerResponse.notFound().build();
    }
}
