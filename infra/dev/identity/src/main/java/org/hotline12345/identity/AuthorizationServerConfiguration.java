package org.hotline12345.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * An OpenID Connect provider in the shape the hub expects of a city's: access tokens for the audience
 * {@code hotline-hub} carrying the person's {@code roles} and, for a unit's staff, {@code unit}, for a grid worker
 * {@code grid}; one public client for
 * the pages, signing in by authorization code with PKCE and renewing with rotated refresh tokens. Password guessing
 * pauses signing in ({@link SignInThrottle}); a replaced refresh token presented again, or signing out, ends the
 * sign-in ({@link RefreshTokenFamilies}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AuthorizationServerConfiguration {

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
            OAuth2AuthorizationService signIns) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.logoutResponseHandler(endingTheSignIn(signIns))))
                    .clientAuthentication(client -> client
                            .authenticationConverter(new PublicClientRefresh.Converter())
                            .authenticationProvider(new PublicClientRefresh.Provider(clients)));
        })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, SignInThrottle throttle, LoginPage form) {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                // answers the browser's preflight of the token endpoint, which only takes POST
                .cors(Customizer.withDefaults())
                .addFilterBefore(throttle.filter(form), UsernamePasswordAuthenticationFilter.class)
                .formLogin(login -> login.loginPage("/login").permitAll()
                        .failureHandler(throttle.countingFailures("/login?error"))
                        .successHandler(throttle.forgettingFailures()));
        return http.build();
    }

    @Bean
    SignInThrottle signInThrottle(IdentitySettings settings) {
        return new SignInThrottle(settings.signInFailuresPerUser(), settings.signInFailuresPerAddress(),
                settings.signInPause(), Clock.systemUTC());
    }

    /** The sign-ins, held in memory as before, each ended when one of its replaced refresh tokens comes back. */
    @Bean
    OAuth2AuthorizationService signIns() {
        return new RefreshTokenFamilies(new InMemoryOAuth2AuthorizationService(), Clock.systemUTC());
    }

    /**
     * Signing out at the provider (its end-session address, where the pages send a person with their ID token) ends
     * the sign-in there too: its refresh token no longer renews anything, whoever holds a copy.
     */
    private static AuthenticationSuccessHandler endingTheSignIn(OAuth2AuthorizationService signIns) {
        OidcLogoutAuthenticationSuccessHandler signOut = new OidcLogoutAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.getIdToken() != null) {
                OAuth2Authorization signIn = signIns.findByToken(logout.getIdToken().getTokenValue(), ID_TOKEN);
                if (signIn != null) {
                    signIns.remove(signIn);
                }
            }
            signOut.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The pages' origins may call the token, key, user-info and discovery endpoints from the browser. */
    @Bean
    UrlBasedCorsConfigurationSource corsConfigurationSource(IdentitySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.origins());
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/oauth2/token", "/oauth2/jwks", "/oauth2/revoke", "/userinfo",
                "/.well-known/**")) {
            source.registerCorsConfiguration(path, cors);
        }
        return source;
    }

    @Bean
    RegisteredClientRepository clients(IdentitySettings settings) {
        RegisteredClient.Builder pages = RegisteredClient.withId(UUID.nameUUIDFromBytes(
                        settings.clientId().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .clientId(settings.clientId())
                .clientName("12345 hotline pages")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl())
                        .refreshTokenTimeToLive(settings.sessionTtl()).reuseRefreshTokens(false).build());
        for (String origin : settings.origins()) {
            pages.redirectUri(origin + "/hub/callback.html");
            pages.postLogoutRedirectUri(origin + "/hub/signed-out.html");
        }
        return new InMemoryRegisteredClientRepository(pages.build());
    }

    @Bean
    DirectoryFile directory(IdentitySettings settings) {
        return DirectoryFile.read(settings.usersFile());
    }

    @Bean
    UserDetailsService users(DirectoryFile directory, IdentitySettings settings) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String password = encoder.encode(settings.password());
        return new InMemoryUserDetailsManager(directory.users().stream()
                .map(person -> User.withUsername(person.username()).password(password)
                        .roles(person.roles().toArray(String[]::new)).build())
                .toList());
    }

    /** The claims the hub's services read, in the access token, and the person's name and roles for the pages. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> hubClaims(DirectoryFile directory, IdentitySettings settings) {
        Map<String, DirectoryFile.Person> people = directory.users().stream()
                .collect(Collectors.toMap(DirectoryFile.Person::username, Function.identity()));
        return context -> {
            DirectoryFile.Person person = people.get(context.getPrincipal().getName());
            if (person == null) {
                return;
            }
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(settings.audience()));
            }
            context.getClaims().claim("roles", person.roles()).claim("name", person.name());
            if (person.unit() != null) {
                context.getClaims().claim("unit", person.unit());
            }
            if (person.grid() != null) {
                context.getClaims().claim("grid", person.grid());
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKey(IdentitySettings settings) throws ParseException {
        RSAKey key = RSAKey.parse(KeyFile.read(settings.keyFile()));
        if (!key.isPrivate()) {
            throw new IllegalStateException(settings.keyFile() + " holds no private key");
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** Refresh tokens for the public pages client too, see {@link PublicClientRefresh}. */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys,
            OAuth2TokenCustomizer<JwtEncodingContext> hubClaims) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(hubClaims);
        return new DelegatingOAuth2TokenGenerator(jwt, new PublicClientRefresh.TokenGenerator());
    }

    /** Reads the provider's own tokens at its user-info endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer().toString()).build();
    }
}
