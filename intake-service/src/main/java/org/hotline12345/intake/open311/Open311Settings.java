package org.hotline12345.intake.open311;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Open311 endpoint of this city.
 *
 * @param jurisdictionId the jurisdiction this endpoint serves; a request naming another gets 404
 * @param apiKeys the keys clients submit requests with; none by default, so nobody can submit until keys are set
 * @param contact who to contact about the endpoint, shown in discovery
 * @param keyService where client developers ask for a key, shown in discovery
 * @param endpointUrl the endpoint's address as discovery gives it: the city's public address of {@code /open311/v2},
 *     or by default the path alone, relative to wherever the client found discovery; never taken from the request,
 *     whose {@code Host} anyone can set
 * @param requestsPerKey submissions one key may make per {@code hotline.intake.limits.window}
 * @param readsPerAddress reads (discovery, services, searches, requests and tokens) one client address may make per
 *     {@code hotline.intake.limits.window}
 * @param keyRequiredForReads whether reads other than discovery need an {@code api_key} too, for a city that hands
 *     its data to known clients only; off by default, as the specification lets anyone read
 * @param maxResults the most requests one search returns, and the most {@code service_request_id}s it may name
 * @param searchDays how far back a search without {@code start_date} looks, and the longest period one search may
 *     span
 */
@Validated
@ConfigurationProperties("hotline.intake.open311")
public record Open311Settings(@NotBlank @DefaultValue("12345.sample-city") String jurisdictionId,
        @DefaultValue List<String> apiKeys,
        @NotBlank @DefaultValue("12345 hotline centre, open311@12345.sample-city") String contact,
        @NotBlank @DefaultValue("Ask the 12345 hotline centre for a key: open311@12345.sample-city") String keyService,
        @NotBlank @DefaultValue("/open311/v2") String endpointUrl,
        @Positive @DefaultValue("600") int requestsPerKey, @Positive @DefaultValue("300") int readsPerAddress,
        @DefaultValue("false") boolean keyRequiredForReads,
        @Positive @Max(1000) @DefaultValue("200") int maxResults,
        @Positive @Max(366) @DefaultValue("90") int searchDays) {
}
