package org.hotline12345.routing.workflow;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxReturns after this many returns a ticket goes to triage instead of to another unit
 * @param feedbackWindow how long the citizen has to answer before a resolved ticket closes by itself
 * @param sweepInterval how often the deadline sweep runs
 * @param returnReviewWithin how long the centre has to decide a unit's return (退单审核) where returns are reviewed
 * @param extensionReviewWithin how long the centre has to decide a unit's request for more time beyond the city's
 *     allowance (延期审批); the deadline it asks to move runs meanwhile
 */
@Validated
@ConfigurationProperties("hotline.routing.workflow")
public record WorkflowProperties(@Positive @DefaultValue("2") int maxReturns,
        @NotNull @DefaultValue("7d") Duration feedbackWindow, @NotNull @DefaultValue("30s") Duration sweepInterval,
        @NotNull @DefaultValue("2h") Duration returnReviewWithin,
        @NotNull @DefaultValue("4h") Duration extensionReviewWithin) {
}
