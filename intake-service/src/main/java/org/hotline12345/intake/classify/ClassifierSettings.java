package org.hotline12345.intake.classify;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sure the classifier must be before its suggestion is used as a ticket's category.
 *
 * @param threshold below this confidence a ticket without a category is filed as {@code OTHER} for triage
 */
@Validated
@ConfigurationProperties("hotline.intake.classifier")
public record ClassifierSettings(@DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5") double threshold) {
}
