package org.hotline12345.notification.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the citizens' links in the texts point.
 *
 * @param base the origin (and path, if any) of the city's follow page, as a citizen's phone reaches it, e.g.
 *     {@code https://12345.example.gov.cn}: the links read {@code {base}/t/{ticketNumber}.{token}}; short, since
 *     every character of it is in each text that carries a link
 */
@Validated
@ConfigurationProperties("hotline.notification.follow-links")
public record FollowLinkSettings(
        @NotBlank @Pattern(regexp = "https?://[^\\s?#]+") @DefaultValue("http://127.0.0.1:8081") String base) {
}
