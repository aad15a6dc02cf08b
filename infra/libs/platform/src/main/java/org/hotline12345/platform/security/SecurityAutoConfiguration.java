package org.hotline12345.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.city.CityAutoConfiguration;
import org.hotline12345.referencedata.City;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.hotline12345.platform.problem.ProblemAutoConfiguration;
import org.hotline12345.platform.problem.ProblemWriter;

/**
 * Every endpoint needs a bearer JWT except health probes, metrics on the private management port, the pages' shared
 * scripts and icon, and the paths a service declares public.
 * Which role may do what is said on each handler with {@code @PreAuthorize}. The key comes from Boot's resource
 * server properties: a local public key for the embedded run, an issuer or JWKS address in production.
 */
@AutoConfiguration(after = {ProblemAutoConfiguration.class, CityAutoConfiguration.class}, beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive."
                + "ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
                + "ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"})
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class SecurityAutoConfiguration {

    /** What the pages share (their scripts, where they sign in): public on every service, nothing of anyone's. */
    public static final String PAGE_ASSETS = "/hub/**";
    /** The icon every browser asks each service for, a static resource of this module like the pages' scripts. */
    public static final String FAVICON = "/favicon.ico";

    /**
     * The setting that lists the clients ({@code azp}) whose access tokens the hub accepts, comma-separated
     * ({@code HOTLINE_SECURITY_AUTHORIZED_PARTIES}); unset, the pages' own client ({@code hotline.pages.client-id}).
     * A token without {@code azp} is not refused for it.
     */
    public static final String AUTHORIZED_PARTIES = "hotline.security.authorized-parties";

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain hotlineSecurityFilterChain(ServerHttpSecurity http, HotlineProperties properties,
            ProblemWriter problemWriter, ManagementPort managementPort) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(problemWriter);
        String[] publicPaths = properties.security().publicPaths().toArray(String[]::new);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .cors(cors -> cors.configurationSource(pageOrigins(properties.pages().allowedOrigins())))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    // scraping and probes on the private management port; on the service's own port the metrics
                    // need an operator's token
                    exchanges.matchers(new AndServerWebExchangeMatcher(managementPort,
                            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/actuator/prometheus")))
                            .permitAll();
                    // the API's own description is public, as any published API's is; it lists no data
                    exchanges.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                            "/swagger-ui/**", "/webjars/swagger-ui/**").permitAll();
                    // the pages' shared scripts, their icon and where they sign in: nothing of anyone's
                    exchanges.pathMatchers(HttpMethod.GET, PAGE_ASSETS, FAVICON).permitAll();
                    exchanges.pathMatchers("/actuator/**").hasAnyRole(Roles.ADMIN, Roles.ANALYST);
                    if (publicPaths.length > 0) {
                        exchanges.pathMatchers(publicPaths).permitAll();
                    }
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new HotlineJwtAuthenticationConverter(properties.security().rolesClaim())))
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .build();
    }

    /**
     * The pages another service serves may call this API from the browser with a bearer token (the supervisor's
     * desk, served by routing, reads the texts from notification); no other origin may, and no cookie counts.
     */
    static CorsConfigurationSource pageOrigins(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key"));
        cors.setExposedHeaders(List.of("Location"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    /**
     * Boot's resource server adds this to the signature, expiry and audience checks of every token. In a shared
     * identity realm a token the same provider minted for another application (another audience) or a token of
     * another realm signed with a trusted key (another issuer) must not pass for one of ours.
     */
    @Bean
    @ConditionalOnProperty("hotline.security.issuer")
    OAuth2TokenValidator<Jwt> hotlineIssuerValidator(HotlineProperties properties) {
        return new JwtIssuerValidator(properties.security().issuer());
    }

    /**
     * Also added to every token's checks: an access token (not an ID token), with an expiry, of one of the hub's
     * clients, naming a unit and a grid the city has ({@link AccessTokenRules}). Every service has the city's
     * reference data ({@link CityAutoConfiguration}); a context made of a few parts only (a controller's slice test)
     * checks the names against the sample city.
     */
    @Bean
    OAuth2TokenValidator<Jwt> hotlineAccessTokenRules(HotlineProperties properties, ObjectProvider<City> cities,
            Environment environment) {
        City city = cities.getIfAvailable(City::sample);
        List<String> parties = Binder.get(environment).bind(AUTHORIZED_PARTIES, Bindable.listOf(String.class))
                .orElse(List.of(properties.pages().clientId()));
        return new AccessTokenRules(parties, properties.security().unitClaim(), properties.security().gridClaim(),
                city);
    }

    /**
     * Takes the place of Spring Security's header type check, which refuses RFC 9068's {@code at+jwt}: an access
     * token may say {@code JWT}, {@code at+jwt} or nothing.
     */
    @Bean
    OAuth2TokenValidator<Jwt> hotlineAccessTokenHeaderTypes() {
        return AccessTokenRules.headerTypes();
    }

    /**
     * A request the security firewall refuses before any handler (an encoded slash, a NUL, a {@code ..} segment in
     * its path) is answered 400 as a problem like every other refusal, not with an empty body.
     */
    @Bean
    ServerExchangeRejectedHandler hotlineRejectedRequests(ProblemWriter problemWriter) {
        return (exchange, rejected) -> problemWriter.write(exchange, HttpStatus.BAD_REQUEST,
                "The request's address is not one this service accepts: " + rejected.getMessage());
    }

    /**
     * Wraps the resource server's token verifier in {@link VerifiedTokens}. Only the Nimbus verifier Boot builds is
     * wrapped: a test's stand-in decoder answers as it is told each time.
     */
    @Bean
    static BeanPostProcessor hotlineVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof NimbusReactiveJwtDecoder verifier
                        ? new VerifiedTokens(verifier, Clock.systemUTC()) : bean;
            }
        };
    }

    /**
     * No observation of each security filter, authentication and authorization: they cost a twelfth of intake's CPU
     * per call, and the request's own observation (its trace and timer) already covers them.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings hotlineSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ManagementPort hotlineManagementPort() {
        return new ManagementPort();
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentCaller currentCaller(HotlineProperties properties) {
        return new CurrentCaller(properties);
    }
}
