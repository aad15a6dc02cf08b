package org.hotline12345.notification.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many one-time codes a client may try, and how many codes may be sent again.
 *
 * @param attemptsPerAddress codes one client address may try per {@code window}, over all tickets: so that nobody
 *     spends other reporters' tries (five per code) by walking the ticket numbers
 * @param window the window of {@code attemptsPerAddress} and {@code codeRequestsPerAddress}
 * @param codeRequestsPerAddress new codes one client address may ask for per {@code window}, over all tickets
 * @param codesPerNumber new codes one phone number may be sent per {@code codesWindow}, over all its tickets, so
 *     that asking on someone's ticket cannot flood their phone; an unknown ticket number counts alike, so that the
 *     answer tells nothing about whether it exists
 * @param codesWindow the window of {@code codesPerNumber}
 */
@Validated
@ConfigurationProperties("hotline.notification.verification")
public record VerificationLimits(@Positive @DefaultValue("10") int attemptsPerAddress,
        @NotNull @DefaultValue("1h") Duration window, @Positive @DefaultValue("5") int codeRequestsPerAddress,
        @Positive @DefaultValue("3") int codesPerNumber, @NotNull @DefaultValue("24h") Duration codesWindow) {
}
