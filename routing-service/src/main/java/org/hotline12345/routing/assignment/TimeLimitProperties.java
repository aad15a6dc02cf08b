package org.hotline12345.routing.assignment;

import java.util.HashMap;
import java.util.Map;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param limits accept and resolve limits by priority; a priority left out keeps the centre's default
 */
@Validated
@ConfigurationProperties("hotline.routing")
public record TimeLimitProperties(Map<String, TimeLimits.Limit> limits) {

    public TimeLimits timeLimits() {
        TimeLimits defaults = TimeLimits.defaults();
        Map<String, TimeLimits.Limit> merged = new HashMap<>();
        for (String priority : new String[] {"URGENT", "HIGH", "NORMAL", "CONSULTATION"}) {
            merged.put(priority, defaults.limitOf(priority));
        }
        if (limits != null) {
            merged.putAll(limits);
        }
        return new TimeLimits(merged);
    }
}
