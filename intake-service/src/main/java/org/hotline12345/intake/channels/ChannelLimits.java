package org.hotline12345.intake.channels;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request limits of the public channels, counted per fixed window in MongoDB so that every intake instance
 * counts together.
 *
 * @param complaintsPerAddress web complaints one client address may send per {@code window}
 * @param complaintsPerPhone web complaints one phone number may send per {@code window}
 * @param lookupsPerAddress look-ups one client address may make per {@code window}, right or wrong: the only limit
 *     of the look-up, which never locks a ticket, so that nobody can lock its citizen out
 * @param suggestionsPerAddress category suggestions the report page may ask for one client address per
 *     {@code window}, asked for while the citizen types
 * @param nearbyPerAddress searches for open published reports nearby one client address may make per {@code window}
 * @param window the length of a counting window
 */
@Validated
@ConfigurationProperties("hotline.intake.limits")
public record ChannelLimits(@Positive @DefaultValue("10") int complaintsPerAddress,
        @Positive @DefaultValue("3") int complaintsPerPhone, @Positive @DefaultValue("30") int lookupsPerAddress,
        @Positive @DefaultValue("300") int suggestionsPerAddress, @Positive @DefaultValue("60") int nearbyPerAddress,
        @NotNull @DefaultValue("10m") Duration window) {
}
