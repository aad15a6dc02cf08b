package org.hotline12345.referencedata;

import java.time.Duration;

/**
 * How much more time (延期) a unit takes on its own, without the centre's approval: while it has had fewer than
 * {@code withoutApproval} extensions of a ticket (or requests the centre refused), one that moves the ticket's
 * resolve deadline by at most {@code longestWithoutApproval} is granted at once; any other waits for the centre
 * (延期审批). A city's folder sets it in {@code city.json} ({@code "extensions"}); where it does not,
 * {@link #DEFAULT}.
 *
 * @param withoutApproval how many extensions of a ticket a unit is granted without approval; 0 sends every one to
 *     the centre
 * @param longestWithoutApproval the longest any of them may be
 */
public record ExtensionAllowance(int withoutApproval, Duration longestWithoutApproval) {

    /** One extension of up to three days. */
    public static final ExtensionAllowance DEFAULT = new ExtensionAllowance(1, Duration.ofDays(3));

    public ExtensionAllowance {
        if (withoutApproval < 0 || longestWithoutApproval == null || longestWithoutApproval.isNegative()) {
            throw new IllegalArgumentException("an allowance counts 0 or more extensions of 0 or more days");
        }
    }

    /**
     * Whether a unit is granted, at once, an extension by {@code by} of a ticket on which it already had
     * {@code earlier} extensions (however granted, or refused).
     */
    public boolean covers(int earlier, Duration by) {
        return earlier < withoutApproval && by.compareTo(longestWithoutApproval) <= 0;
    }
}
