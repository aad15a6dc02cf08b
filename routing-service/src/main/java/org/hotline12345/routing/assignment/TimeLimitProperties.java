package org.hotline12345.routing.assignment;

import java.util.HashMap;
import java.util.Map;
import org.hotline12345.contracts.Priority;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param limits accept and resolve limits by priority; a priority left out keeps the centre's default
 */
@Validated
@ConfigurationProperties("hotline.routing")
public record TimeLimitProperties(Map<Priority, TimeLimits.Limit> limits) {

    public TimeLimits timeLimits() {
        TimeLimits defaults = TimeLimits.defaults();
        Map<Priority, TimeLimits.Limit> merged = new HashMap<>();
        for (Priority priority : Priority.values()) {
            merged.put(priority, defaults.limitOf(priority));
        }
        if (limits != null) {
            merged.putAll(limits);
        }
        return new TimeLimits(merged);
    }
}
