package org.hotline12345.contracts;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * When a ticket is overdue (超期): the one definition behind routing's lists and ticket views and analytics' counts
 * and gauge. A ticket waiting for its unit to sign for it ({@code ASSIGNED}) is overdue once its accept deadline has
 * passed; a ticket its unit works on ({@code ACCEPTED}, {@code EXTENDED}, {@code REOPENED}) once its resolve
 * deadline has passed. A ticket no unit holds (in triage, just returned, linked to another, resolved, closed) is
 * never overdue. A deadline has passed when it lies strictly before now. The statuses are routing's (DOMAIN.md, the
 * ticket lifecycle); a reader that keeps no status, like analytics, tells which deadline runs from what happened.
 */
public final class Overdue {

    private Overdue() {
    }

    /** The deadline that runs for a ticket, by where the ticket stands. */
    public enum Running {
        /** Assigned and not yet signed for: the accept deadline runs. */
        ACCEPT(Set.of("ASSIGNED")),
        /** Signed for, extended or reopened: the resolve deadline runs. */
        RESOLVE(Set.of("ACCEPTED", "EXTENDED", "REOPENED")),
        /** No unit holds it, or its unit resolved it: no deadline runs. */
        NONE(Set.of());

        private final Set<String> statuses;

        Running(Set<String> statuses) {
            this.statuses = statuses;
        }

        /** The routing statuses in which this deadline runs. */
        public Set<String> statuses() {
            return statuses;
        }

        /** The deadline that runs in routing's status {@code status}. */
        public static Running in(String status) {
            return Arrays.stream(values()).filter(running -> running.statuses.contains(status)).findFirst()
                    .orElse(NONE);
        }

        /** This deadline of a ticket's two, or {@code null} when none runs. */
        public Instant of(Instant acceptBy, Instant resolveBy) {
            return switch (this) {
                case ACCEPT -> acceptBy;
                case RESOLVE -> resolveBy;
                case NONE -> null;
            };
        }
    }

    /**
     * Whether a ticket is overdue at {@code now}: the deadline {@code running} picks of its {@code acceptBy} and
     * {@code resolveBy} lies before {@code now}.
     */
    public static boolean at(Running running, Instant acceptBy, Instant resolveBy, Instant now) {
        Instant deadline = running.of(acceptBy, resolveBy);
        return deadline != null && deadline.isBefore(now);
    }
}
