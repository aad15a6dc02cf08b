package org.hotline12345.intake.knowledge;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The knowledge base's settings.
 *
 * @param refreshInterval how often each instance reads the articles changed since it last looked, so that a newly
 *     published or retired article is searched (or no longer) on every instance within about this long
 */
@ConfigurationProperties("hotline.intake.knowledge")
@Validated
record KnowledgeSettings(@NotNull @DefaultValue("2s") Duration refreshInterval) {
}
