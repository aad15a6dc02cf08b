package org.hotline12345.contracts;

import java.util.List;

/**
 * Why routing chose a unit: the rule and the version of the rule set it belongs to, the grid the location fell
 * in, and the cues that matched. {@code ruleId} is {@code null} when no rule matched and the ticket went to triage.
 */
public record AssignmentReason(String ruleId, int ruleSetVersion, String gridId, List<String> cues) {

    public AssignmentReason {
        cues = cues == null ? List.of() : List.copyOf(cues);
    }
}
