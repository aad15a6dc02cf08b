package org.hotline12345.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every service.
 *
 * @param source the CloudEvents {@code source} of what this service publishes, e.g. {@code /hotline/intake}
 * @param security who may call the API
 * @param http bounds on requests
 * @param kafka bounds on publishing
 * @param outbox how the outbox relay retries what a crash left behind
 * @param pii the keys that protect citizens' contact data
 * @param mongo upkeep of the service's collections
 * @param pages how the pages a service serves sign people in and reach the other services
 */
@Validated
@ConfigurationProperties("hotline")
public record HotlineProperties(@NotBlank @DefaultValue("/hotline") String source,
        @Valid @DefaultValue Security security, @Valid @DefaultValue Http http, @Valid @DefaultValue Kafka kafka,
        @Valid @DefaultValue Outbox outbox, @Valid @DefaultValue Pii pii,
        @Valid @DefaultValue Mongo mongo, @Valid @DefaultValue Pages pages) {

    /**
     * @param rolesClaim the JWT claim that lists the caller's roles
     * @param unitClaim the JWT claim that names a unit user's unit
     * @param gridClaim the JWT claim that names a grid worker's grid
     * @param publicPaths path patterns anyone may call without a token (public forms, status look-ups)
     * @param issuer the {@code iss} every token must carry: the city's identity provider; unset, any issuer whose
     *     signature verifies is accepted (the audience, {@code spring.security.oauth2.resourceserver.jwt.audiences},
     *     is Spring Boot's own setting)
     */
    public record Security(@NotBlank @DefaultValue("roles") String rolesClaim,
            @NotBlank @DefaultValue("unit") String unitClaim, @DefaultValue List<String> publicPaths,
            String issuer, @NotBlank @DefaultValue("grid") String gridClaim) {
    }

    /**
     * @param maxBodySize the largest request body accepted; a larger one gets 413
     * @param trustedProxies the load balancers and proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For}
     *     names the client for the rate limits; none by default, so the header counts for nothing
     * @param uploadPaths path patterns of the uploads (photos) whose bodies may be up to {@code maxUploadSize}
     *     instead; none by default
     * @param maxUploadSize the largest body accepted on {@code uploadPaths}
     */
    public record Http(@NotNull @DefaultValue("64KB") DataSize maxBodySize,
            @DefaultValue List<String> trustedProxies, @DefaultValue List<String> uploadPaths,
            @NotNull @DefaultValue("11MB") DataSize maxUploadSize) {
    }

    /**
     * @param deliveryTimeout how long the producer keeps trying one record before it reports failure
     * @param maxBlock how long a send may wait for metadata or buffer space when the broker is away
     * @param requestTimeout how long one produce request may take
     * @param partitions partitions of each hub topic this service creates when it is missing
     * @param replicas replicas of each hub topic this service creates when it is missing
     * @param transactionTimeout how long the broker keeps a transaction of a process that died open before it
     *     aborts it; consumers of its partitions wait that long
     */
    public record Kafka(@NotNull @DefaultValue("10s") Duration deliveryTimeout,
            @NotNull @DefaultValue("5s") Duration maxBlock, @NotNull @DefaultValue("4s") Duration requestTimeout,
            @Positive @DefaultValue("3") int partitions, @Positive @DefaultValue("1") short replicas,
            @NotNull @DefaultValue("15s") Duration transactionTimeout) {
    }

    /**
     * @param sweepInterval how often the relay looks for events a crash or a broker outage left unpublished
     * @param grace how old a pending event must be before the sweep takes it, so it does not race the request
     *     that is still publishing it
     * @param lease how long one instance holds a document it is republishing before another may try
     */
    public record Outbox(@NotNull @DefaultValue("5s") Duration sweepInterval,
            @NotNull @DefaultValue("30s") Duration grace, @NotNull @DefaultValue("30s") Duration lease) {
    }

    /**
     * @param sealKey base64 of the 256-bit AES key that seals phone numbers and names
     * @param previousSealKeys the seal keys used before the current one, to open what they sealed after a rotation
     * @param hashKey base64 of the HMAC key that makes phone numbers findable without storing them
     */
    public record Pii(@DefaultValue("") String sealKey, @DefaultValue List<String> previousSealKeys,
            @DefaultValue("") String hashKey) {
    }

    /**
     * @param expiryInterval how often documents past their TTL are deleted where the server does not do it
     * @param operationTimeout the longest one database operation may take (the driver's {@code timeoutMS}), so
     *     that a request or a consumer fails and is answered or retried instead of hanging on a stalled database;
     *     index builds at start-up are not bound by it
     */
    public record Mongo(@NotNull @DefaultValue("60s") Duration expiryInterval,
            @NotNull @DefaultValue("10s") Duration operationTimeout) {
    }

    /**
     * @param issuer the OpenID Connect provider people sign in with (the issuer of its discovery document); unset,
     *     a page only works with a token handed to it in its address ({@code #token=})
     * @param clientId the public client the pages sign in as (authorization code with PKCE)
     * @param scope what the pages ask the provider for
     * @param services the base address of each service by name ({@code intake}, {@code routing},
     *     {@code notification}, {@code analytics}), for pages that read from more than their own service
     * @param allowedOrigins the origins of other services' pages that may call this service's API from a browser
     */
    public record Pages(String issuer, @NotBlank @DefaultValue("hotline-pages") String clientId,
            @NotBlank @DefaultValue("openid profile") String scope, @DefaultValue Map<String, String> services,
            @DefaultValue List<String> allowedOrigins) {
    }
}
