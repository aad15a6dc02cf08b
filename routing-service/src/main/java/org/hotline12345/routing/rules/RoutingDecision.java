package org.hotline12345.routing.rules;

import java.time.Duration;
import java.util.List;
import org.hotline12345.contracts.Priority;

/**
 * The outcome of routing one ticket: the rule that matched, the lead and co-units, the priority, why, and the
 * rule's own time limits when it has them. {@link #triage()} is true when no rule matched and a supervisor must
 * dispatch it.
 */
public record RoutingDecision(String ruleId, int ruleSetVersion, String leadUnit, List<String> coUnits,
        Priority priority, List<String> cues, Duration acceptWithin, Duration resolveWithin) {

    /** A decision that keeps the priority's default time limits. */
    public RoutingDecision(String ruleId, int ruleSetVersion, String leadUnit, List<String> coUnits,
            Priority priority, List<String> cues) {
        this(ruleId, ruleSetVersion, leadUnit, coUnits, priority, cues, null, null);
    }

    public boolean triage() {
        return leadUnit == null;
    }
}
