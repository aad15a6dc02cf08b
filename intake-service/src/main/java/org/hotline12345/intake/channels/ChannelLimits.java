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
 * @param lookupsPerAddress status look-ups one client address may make per {@code window}
 * @param window the length of a counting window
 * @param wrongDigitsPerTicket look-ups of one ticket number with wrong last four digits before the number is locked
 * @param digitsLock how long those wrong guesses are counted: the lock lasts until the window ends
 */
@Validated
@ConfigurationProperties("hotline.intake.limits")
public record ChannelLimits(@Positive @DefaultValue("10") int complaintsPerAddress,
        @Positive @DefaultValue("3") int complaintsPerPhone, @Positive @DefaultValue("30") int lookupsPerAddress,
        @NotNull @DefaultValue("10m") Duration window, @Positive @DefaultValue("5") int wrongDigitsPerTicket,
        @NotNull @DefaultValue("24h") Duration digitsLock) {
}
