package org.hotline12345.notification.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notification texts citizens.
 *
 * @param gateway {@code dev-outbox} records texts in MongoDB; {@code http} sends them to the SMS provider
 *     ({@code hotline.notification.http}, read by the gateway)
 * @param maxAttempts attempts at one text before it becomes NotificationFailed
 * @param firstRetry wait after the first failed attempt; each further wait doubles, with jitter
 * @param maxRetry the longest wait between attempts
 * @param sweepInterval how often pending texts that are due are sent
 * @param quietFrom start of the quiet hours, city time: non-urgent texts wait until {@code quietTo}
 * @param quietTo end of the quiet hours, city time
 * @param maxSegments the most SMS segments one text may take; longer replies are shortened to fit
 * @param webhookSecret the shared secret the provider signs its webhooks with (HMAC-SHA256 of the timestamp and
 *     the body)
 * @param webhookTolerance how far a webhook's signed timestamp may be from now; older ones are replays
 * @param publicTextsPerNumberPerDay texts one number may get in a city day about tickets from public channels,
 *     where anyone may give anyone's number
 * @param sendsInFlight texts one consumer's batch, or one pass of the delivery sweep, hands the gateway at once (a
 *     ticket's texts one after another, in their order): every consumer thread of both bindings and the sweep send
 *     at the same time, and together they must stay within the provider's {@code max-concurrent}, whose bulkhead
 *     refuses the rest as failed attempts
 */
@Validated
@ConfigurationProperties("hotline.notification")
public record NotificationProperties(@NotBlank @DefaultValue("dev-outbox") String gateway,
        @Positive @DefaultValue("8") int maxAttempts, @NotNull @DefaultValue("30s") Duration firstRetry,
        @NotNull @DefaultValue("30m") Duration maxRetry, @NotNull @DefaultValue("5s") Duration sweepInterval,
        @NotNull @DefaultValue("22:00") LocalTime quietFrom, @NotNull @DefaultValue("08:00") LocalTime quietTo,
        @Positive @DefaultValue("2") int maxSegments,
        @DefaultValue("") String webhookSecret, @NotNull @DefaultValue("5m") Duration webhookTolerance,
        @Positive @DefaultValue("3") int publicTextsPerNumberPerDay, @Positive @DefaultValue("1") int sendsInFlight) {
}
