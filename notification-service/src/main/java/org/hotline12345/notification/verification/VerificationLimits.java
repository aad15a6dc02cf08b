package org.hotline12345.notification.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many one-time codes a client may try.
 *
 * @param attemptsPerAddress codes one client address may try per {@code window}, over all tickets: so that nobody
 *     spends other reporters' tries (five per ticket) by walking the ticket numbers
 * @param window the window of {@code attemptsPerAddress}
 */
@Validated
@ConfigurationProperties("hotline.notification.verification")
public record VerificationLimits(@Positive @DefaultValue("10") int attemptsPerAddress,
        @NotNull @DefaultValue("1h") Duration window) {
}
