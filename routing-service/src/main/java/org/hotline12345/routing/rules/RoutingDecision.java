package org.hotline12345.routing.rules;

import java.util.List;

/**
 * The outcome of routing one ticket: the rule that matched, the lead and co-units, the priority, and why.
 * {@link #triage()} is true when no rule matched and a supervisor must dispatch it.
 */
public record RoutingDecision(String ruleId, int ruleSetVersion, String leadUnit, List<String> coUnits,
        String priority, List<String> cues) {

    public boolean triage() {
        return leadUnit == null;
    }
}
