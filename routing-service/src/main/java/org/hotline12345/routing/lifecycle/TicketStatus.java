package org.hotline12345.routing.lifecycle;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Where a ticket stands in routing (DOMAIN.md, the ticket lifecycle). */
public enum TicketStatus {
    /** Just received, not yet placed; never stored in this state. */
    RECEIVED,
    /** No rule placed it, or too many units returned it: a supervisor dispatches it by hand. */
    TRIAGE,
    /** Sent to a unit that has not signed for it yet. */
    ASSIGNED,
    /** The unit signed for it (签收). */
    ACCEPTED,
    /** The unit returned it (退单); it is placed again at once, or held for the centre's review. */
    REJECTED,
    /**
     * The unit returned it (退单) and the centre reviews the return (退单审核): a supervisor sends it on to another
     * unit or back to the one that returned it. No unit works it meanwhile.
     */
    RETURN_REVIEW,
    /** The unit's resolve deadline was moved (延期). */
    EXTENDED,
    /** The unit resolved it (办结) and the citizen is asked. */
    RESOLVED,
    /** The citizen was not satisfied or not helped: back to the same unit (重办). */
    REOPENED,
    /** A repeat call or another report of an incident: kept with the ticket it joined, never dispatched. */
    LINKED,
    /** Archived (归档). */
    CLOSED;

    /** The holding unit works on the ticket. */
    public static final Set<TicketStatus> IN_HAND = Collections.unmodifiableSet(EnumSet.of(ACCEPTED, EXTENDED,
            REOPENED));
    /** A unit holds the ticket and its resolve deadline runs. */
    public static final Set<TicketStatus> UNRESOLVED = Collections.unmodifiableSet(EnumSet.of(ASSIGNED, ACCEPTED,
            EXTENDED, REOPENED));
}
