package org.hotline12345.routing.lifecycle;

import static org.hotline12345.routing.lifecycle.TicketStatus.ACCEPTED;
import static org.hotline12345.routing.lifecycle.TicketStatus.ASSIGNED;
import static org.hotline12345.routing.lifecycle.TicketStatus.CLOSED;
import static org.hotline12345.routing.lifecycle.TicketStatus.IN_HAND;
import static org.hotline12345.routing.lifecycle.TicketStatus.RECEIVED;
import static org.hotline12345.routing.lifecycle.TicketStatus.REJECTED;
import static org.hotline12345.routing.lifecycle.TicketStatus.RESOLVED;
import static org.hotline12345.routing.lifecycle.TicketStatus.RETURN_REVIEW;
import static org.hotline12345.routing.lifecycle.TicketStatus.TRIAGE;
import static org.hotline12345.routing.lifecycle.TicketStatus.UNRESOLVED;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline12345.platform.problem.IllegalTransitionException;

/**
 * Every change a routed ticket can undergo, with the states it may start from. The one place that says, for
 * example, that only an assigned ticket can be signed for, or that a supervisor may dispatch a ticket in triage,
 * assigned or just returned, but not one a unit already works on.
 */
public enum Transition {
    /** Placed by the rules when it arrives: to a unit, to triage, linked, or closed when answered on the call. */
    PLACE("place", "placed", EnumSet.of(RECEIVED)),
    /** Sent to a unit again: by a supervisor, or by the rules after a unit returned it. */
    DISPATCH("dispatch", "dispatched", EnumSet.of(TRIAGE, ASSIGNED, REJECTED)),
    ACCEPT("accept", "accepted", EnumSet.of(ASSIGNED)),
    RETURN("return", "returned", EnumSet.of(ASSIGNED, ACCEPTED)),
    /** Back to a supervisor after a return, when no other unit's rule matches or too many units returned it. */
    TO_TRIAGE("send to triage", "sent to triage", EnumSet.of(REJECTED)),
    /** A return waits for the centre's review instead of being placed again at once. */
    HOLD_FOR_REVIEW("hold for review", "held for review", EnumSet.of(REJECTED)),
    /** The centre agrees the ticket is not the returning unit's: it goes to another unit. */
    UPHOLD_RETURN("uphold the return of", "upheld", EnumSet.of(RETURN_REVIEW)),
    /** The centre finds the ticket is the returning unit's: back to it, its deadlines as they were. */
    REJECT_RETURN("reject the return of", "sent back", EnumSet.of(RETURN_REVIEW)),
    /** A unit asks for more time, or a supervisor gives it. */
    EXTEND("extend", "extended", IN_HAND),
    /** The centre approves or refuses a unit's request for more time that waits (延期审批). */
    DECIDE_EXTENSION("decide more time for", "given a decision on more time", IN_HAND),
    ADD_PROGRESS("add progress to", "given progress", IN_HAND),
    /** A supporting unit signs for or answers its part (协办) while the lead holds the ticket. */
    WORK_PART("work a supporting part of", "worked on by a supporting unit", UNRESOLVED),
    /** The centre waives a supporting unit's part that is not in (协办免除). */
    WAIVE_PART("waive a supporting part of", "given a waiver", UNRESOLVED),
    RESOLVE("resolve", "resolved", IN_HAND),
    REOPEN("reopen", "reopened", EnumSet.of(RESOLVED)),
    CLOSE("close", "closed", EnumSet.of(RESOLVED)),
    /** A reminder or an escalation of the accept deadline. */
    CHASE_ACCEPT("chase the acceptance of", "chased", EnumSet.of(ASSIGNED)),
    /** A reminder or an escalation of the resolve deadline. */
    CHASE_RESOLUTION("chase the resolution of", "chased", UNRESOLVED),
    /**
     * The citizen called again about it (督办). A repeat of a ticket that joined another escalates the ticket it
     * joined, which carries the work; a linked ticket is escalated itself only when that one cannot be found, so
     * that the call is not left unrecorded.
     */
    ESCALATE_REPEAT("escalate", "escalated", EnumSet.complementOf(EnumSet.of(RECEIVED, CLOSED)));

    private final String verb;
    private final String done;
    private final Set<TicketStatus> from;

    Transition(String verb, String done, Set<TicketStatus> from) {
        this.verb = verb;
        this.done = done;
        this.from = Set.copyOf(from);
    }

    /** The states this change may start from. */
    public Set<TicketStatus> from() {
        return from;
    }

    public boolean allowedFrom(TicketStatus current) {
        return from.contains(current);
    }

    /** Throws, naming the broken rule, unless the change may start from {@code current}. */
    public void require(TicketStatus current) {
        if (!allowedFrom(current)) {
            throw new IllegalTransitionException(name(), verb, current.name(), "only a ticket that is "
                    + from.stream().sorted().map(TicketStatus::name).collect(Collectors.joining(" or "))
                    + " can be " + done);
        }
    }
}
