package org.hotline12345.analytics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How often analytics refreshes what it derives.
 *
 * @param rollupInterval how often what the facts changed since the last pass is added to their rollups
 * @param overdueInterval how often the overdue tickets are counted for the {@code hotline.tickets.overdue} gauge
 */
@Validated
@ConfigurationProperties("hotline.analytics")
public record AnalyticsProperties(@NotNull @DefaultValue("5s") Duration rollupInterval,
        @NotNull @DefaultValue("30s") Duration overdueInterval) {
}
