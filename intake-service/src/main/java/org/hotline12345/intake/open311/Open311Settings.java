package org.hotline12345.intake.open311;

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
 * @param requestsPerKey submissions one key may make per {@code hotline.intake.limits.window}
 * @param maxResults the most requests one search returns
 * @param searchDays how far back a search without {@code start_date} looks
 */
@Validated
@ConfigurationProperties("hotline.intake.open311")
public record Open311Settings(@NotBlank @DefaultValue("12345.sample-city") String jurisdictionId,
        @DefaultValue List<String> apiKeys,
        @NotBlank @DefaultValue("12345 hotline centre, open311@12345.sample-city") String contact,
        @NotBlank @DefaultValue("Ask the 12345 hotline centre for a key: open311@12345.sample-city") String keyService,
        @Positive @DefaultValue("600") int requestsPerKey,
        @Positive @DefaultValue("1000") int maxResults, @Positive @DefaultValue("90") int searchDays) {
}
