package org.hotline12345.notification.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notification texts citizens.
 *
 * @param gateway {@code dev-outbox} records texts in MongoDB; {@code http} sends them to the SMS provider
 * @param maxAttempts attempts at one text before it becomes NotificationFailed
 * @param firstRetry wait after the first failed attempt; each further wait doubles, with jitter
 * @param maxRetry the longest wait between attempts
 * @param sweepInterval how often pending texts that are due are sent
 * @param quietFrom start of the quiet hours, city time: non-urgent texts wait until {@code quietTo}
 * @param quietTo end of the quiet hours, city time
 * @param zone the city's time zone
 * @param maxSegments the most SMS segments one text may take; longer replies are shortened to fit
 * @param webhookSecret the shared secret the provider signs its webhooks with (HMAC-SHA256 of the body)
 * @param http the SMS provider's API, used with {@code gateway: http}
 */
@Validated
@ConfigurationProperties("hotline.notification")
public record NotificationProperties(@NotBlank @DefaultValue("dev-outbox") String gateway,
        @Positive @DefaultValue("8") int maxAttempts, @NotNull @DefaultValue("30s") Duration firstRetry,
        @NotNull @DefaultValue("30m") Duration maxRetry, @NotNull @DefaultValue("5s") Duration sweepInterval,
        @NotNull @DefaultValue("22:00") LocalTime quietFrom, @NotNull @DefaultValue("08:00") LocalTime quietTo,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone, @Positive @DefaultValue("2") int maxSegments,
        @DefaultValue("") String webhookSecret, @Valid @DefaultValue Http http) {

    /**
     * @param baseUrl the provider's API address
     * @param apiKey the account key sent with every request
     * @param secret the key requests are signed with
     * @param timeout how long one request may take
     * @param attempts tries of one request before the text waits for the sweep
     * @param ratePerSecond the provider's allowed request rate
     * @param maxConcurrent requests in flight at once
     * @param failureRate percentage of failed calls that opens the circuit
     * @param openFor how long the circuit stays open before it tries again
     */
    public record Http(@DefaultValue("http://127.0.0.1:9999") String baseUrl, @DefaultValue("") String apiKey,
            @DefaultValue("") String secret, @NotNull @DefaultValue("3s") Duration timeout,
            @Positive @DefaultValue("3") int attempts, @Positive @DefaultValue("50") int ratePerSecond,
            @Positive @DefaultValue("10") int maxConcurrent, @Positive @DefaultValue("50") int failureRate,
            @NotNull @DefaultValue("30s") Duration openFor) {
    }
}
