package org.hotline12345.notification.gateway;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS provider's API, used with {@code hotline.notification.gateway: http}.
 *
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
@Validated
@ConfigurationProperties("hotline.notification.http")
public record SmsProviderProperties(@DefaultValue("http://127.0.0.1:9999") String baseUrl,
        @DefaultValue("") String apiKey, @DefaultValue("") String secret,
        @NotNull @DefaultValue("3s") Duration timeout, @Positive @DefaultValue("3") int attempts,
        @Positive @DefaultValue("50") int ratePerSecond, @Positive @DefaultValue("10") int maxConcurrent,
        @Positive @DefaultValue("50") int failureRate, @NotNull @DefaultValue("30s") Duration openFor) {
}
