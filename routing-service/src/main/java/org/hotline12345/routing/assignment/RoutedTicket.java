package org.hotline12345.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.ExtensionApproved;
import org.hotline12345.contracts.ExtensionRefused;
import org.hotline12345.contracts.ExtensionRequested;
import org.hotline12345.contracts.Overdue;
import org.hotline12345.contracts.PartAccepted;
import org.hotline12345.contracts.PartAnswered;
import org.hotline12345.contracts.PartAssigned;
import org.hotline12345.contracts.PartWaived;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.ReturnUpheld;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketDeadlineApproaching;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.referencedata.ExtensionAllowance;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.routing.deadlines.TimeLimits;
import org.hotline12345.routing.lifecycle.TicketStatus;
import org.hotline12345.routing.lifecycle.Transition;
import org.hotline12345.routing.rules.RoutingDecision;
import org.hotline12345.routing.rules.RoutingInput;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Routing's record of a ticket: where it lies, who holds it, by when, why, and what happened to it. Every change of
 * a routed ticket happens here: each asks its {@link Transition} whether the current state allows it (a forbidden
 * one names the state and the rule) and stages its event in the same document, so the change and its event are one
 * write. Services load a ticket, call one of these, and save it under its version. The only Spring in it is its
 * MongoDB mapping (collection, id, version).
 */
@Document("tickets")
public class RoutedTicket extends OutboxDocument {

    /** The furthest ahead anyone, a supervisor included, may move a resolve deadline. */
    static final Duration LONGEST_EXTENSION = Duration.ofDays(365);

    /** The action a refused call back names, for pages to say in their language. */
    static final String CALL_BACK = "CALL_BACK";

    /** The share of the time allowed after which the unit is reminded. */
    static final double REMIND_AT = 0.8;

    @Id
    private String id;
    private String ticketNumber;
    private TicketStatus status;
    private String channel;
    private String category;
    private Urgency urgency;
    private String description;
    /** The address as the citizen gave it. */
    private String address;
    private Double lat;
    private Double lon;
    private String gridId;
    private String streetOffice;
    private String district;
    private String unitId;
    private List<String> coUnitIds = new ArrayList<>();
    /** The supporting units' parts (协办), of this assignment and the ones before, oldest first. */
    private List<Part> parts = new ArrayList<>();
    /**
     * While a supporting unit's part is open: the earliest deadline that runs among the open parts (signing for a
     * part not signed for, else answering it). Only such tickets have the field; the centre's queue of parts overdue
     * reads them by it.
     */
    private Instant partsDueBy;
    private Priority priority;
    private int assignment;
    private Instant acceptBy;
    private Instant resolveBy;
    private Instant acceptRemindAt;
    private Instant resolveRemindAt;
    /**
     * The urgency class whose limits the assignment runs under (its category's in the city's folder), {@code null}
     * for a priority's limits; how long before a deadline the ticket is about to breach, by that class (a
     * priority's limits warn when the unit is reminded); and when the warning of each deadline starts, which the
     * desk's list and the gauge of tickets about to breach read.
     */
    private String urgencyClass;
    private Long warningSeconds;
    private Instant acceptWarnAt;
    private Instant resolveWarnAt;
    /** The furthest a unit may ask its resolve deadline to move, by the urgency class, and only with approval. */
    private Instant longestResolveBy;
    private boolean acceptReminded;
    private boolean acceptEscalated;
    private boolean resolveReminded;
    private boolean resolveEscalated;
    private AssignmentReason reason;
    private List<String> returnedBy = new ArrayList<>();
    private List<Return> returns = new ArrayList<>();
    /** The centre's decisions on returns, oldest first. */
    private List<ReturnDecision> returnDecisions = new ArrayList<>();
    /**
     * While a return waits for the centre: when it was made, by when the centre should decide, and the state the
     * unit returned it from, which a rejected return goes back to.
     */
    private Instant reviewSince;
    private Instant reviewBy;
    private TicketStatus returnedFrom;
    private List<Escalation> escalationHistory = new ArrayList<>();
    /** How many times the resolve deadline moved: extensions granted, however. */
    private int extensions;
    /** Every extension asked for or given (延期), oldest first, with what came of it. */
    private List<Extension> extensionHistory = new ArrayList<>();
    /**
     * While a unit's request for more time waits for the centre (延期审批): when it was asked for. Only such tickets
     * have the field, and the centre's queue reads them by it.
     */
    private Instant extensionWaitingSince;
    private int resolutions;
    private int reopenings;
    private int escalations;
    private List<Note> notes = new ArrayList<>();
    private String result;
    private String reply;
    private boolean replyPublic;
    private Instant receivedAt;
    private Instant assignedAt;
    private Instant acceptedAt;
    private Instant resolvedAt;
    private Instant feedbackDueAt;
    private Instant closedAt;
    private String repeatOf;
    /** The first report of the same incident, which this one joined; its work is done there. */
    private String parentIncidentId;
    /** Repeat calls that already escalated this ticket, so a redelivered one does not escalate it again. */
    private List<String> repeatsEscalated = new ArrayList<>();
    /** How to reach the caller, sealed; {@code null} for an anonymous caller. */
    private CallerContact caller;
    @Version
    private Long version;

    RoutedTicket() {
    }

    /** A progress note a unit recorded. */
    public record Note(Instant at, String unitId, String text) {
    }

    /**
     * A return (退单): when, by which unit, why ({@code basis}: the law or list of duties the unit cites, if any),
     * and of which assignment.
     */
    public record Return(Instant at, String unitId, String reasonCode, String reasonText, int assignment,
            String basis) {
    }

    /**
     * The centre's decision on a return (退单审核): {@code UPHELD} (the ticket went to {@code nextUnitId}) or
     * {@code REJECTED} (back to {@code unitId}, the unit that returned it), why, by whom, and of which assignment.
     */
    public record ReturnDecision(Instant at, String unitId, String decision, String nextUnitId, String reason,
            String decidedBy, int assignment) {
    }

    /**
     * An extension (延期) asked for or given: when ({@code at}), for which unit, by whom, the deadline before it and
     * the one asked for, why, and where it stands ({@code state}): {@code decideBy} is when the centre should decide
     * one that waits; {@code resolveBy} is the deadline it set, once granted; the centre's decision, if it took one,
     * has its reason, its supervisor and its time.
     */
    public record Extension(Instant at, String unitId, String requestedBy, Instant resolveByBefore,
            Instant requestedResolveBy, String reason, ExtensionState state, Instant decideBy, Instant resolveBy,
            String decisionReason, String decidedBy, Instant decidedAt) {

        Extension decided(ExtensionState outcome, Instant granted, String why, String supervisor, Instant now) {
            return new Extension(at, unitId, requestedBy, resolveByBefore, requestedResolveBy, reason, outcome,
                    decideBy, granted, why, supervisor, now);
        }
    }

    /** Where an extension stands. */
    public enum ExtensionState {
        /** Within the city's allowance: the deadline moved at once. */
        GRANTED,
        /** Beyond the allowance: the centre has not decided yet, and the deadline it asks to move stands. */
        WAITING,
        /** The centre granted it, to the date asked or a shorter one. */
        APPROVED,
        /** The centre refused it: the deadline stands. */
        REFUSED,
        /** The unit resolved or returned the ticket before the centre decided. */
        LAPSED,
        /** A supervisor moved the deadline without a unit's request. */
        BY_CENTRE
    }

    /**
     * A supporting unit's part of the ticket (协办): which unit, of which assignment, where it stands, who added it
     * ({@code assignedBy} a supervisor, {@code null} for the rules), by when it is to be signed for
     * ({@code acceptBy}) and answered to the lead ({@code dueBy}); the supporting unit's answer once in, or the
     * centre's waiver.
     */
    public record Part(String unitId, int assignment, PartState state, Instant assignedAt, String assignedBy,
            Instant acceptBy, Instant dueBy, Instant acceptedAt, String answer, Instant answeredAt,
            String waiveReason, String waivedBy, Instant waivedAt) {

        /** Whether the part still waits for its unit: neither in, nor waived, nor withdrawn. */
        public boolean open() {
            return state == PartState.ASSIGNED || state == PartState.ACCEPTED;
        }

        /** The deadline that runs: signing for while not signed for, answering after; none once settled. */
        public Instant runningDeadline() {
            return state == PartState.ASSIGNED ? acceptBy : state == PartState.ACCEPTED ? dueBy : null;
        }

        /** Whether its running deadline has passed. */
        public boolean overdueAt(Instant now) {
            Instant deadline = runningDeadline();
            return deadline != null && deadline.isBefore(now);
        }

        Part withState(PartState next, Instant accepted, String text, Instant answered, String why, String by,
                Instant waived) {
            return new Part(unitId, assignment, next, assignedAt, assignedBy, acceptBy, dueBy, accepted, text,
                    answered, why, by, waived);
        }
    }

    /** Where a supporting unit's part stands. */
    public enum PartState {
        /** Given to the supporting unit, not signed for yet. */
        ASSIGNED,
        /** The supporting unit signed for it and works on it. */
        ACCEPTED,
        /** Its part of the answer is in, with the lead. */
        ANSWERED,
        /** The centre waived it, with a reason: the lead resolves without it. */
        WAIVED,
        /** The ticket went to another unit, or to triage, before the part was in: the part ended with it. */
        WITHDRAWN
    }

    /**
     * An escalation (督办): when, why ({@code ACCEPT_OVERDUE}, {@code RESOLVE_OVERDUE} or {@code REPEAT_CALL}), and
     * the unit that held the ticket.
     */
    public record Escalation(Instant at, String reason, String unitId) {
    }

    /**
     * The caller's number and name sealed with the contact key, the keyed hash of the number that finds the caller's
     * tickets, and whether the caller agreed to be called back. Never shown as such: a unit asks for the number
     * ({@link #callerToCallBack(boolean)}), and that is recorded.
     */
    public record CallerContact(String sealedPhone, String sealedName, String phoneHash, boolean contactAllowed) {

        boolean reachable() {
            return sealedPhone != null && contactAllowed;
        }
    }

    static RoutedTicket from(TicketReceived received, Grid grid) {
        RoutedTicket ticket = new RoutedTicket();
        ticket.status = TicketStatus.RECEIVED;
        ticket.id = received.ticketId();
        ticket.ticketNumber = received.ticketNumber();
        ticket.channel = received.channel().name();
        ticket.category = received.category();
        ticket.urgency = received.urgency();
        ticket.description = received.description();
        ticket.address = received.address() == null ? null : received.address().text();
        CitizenContact citizen = received.citizen();
        if (citizen != null && (citizen.sealedPhone() != null || citizen.phoneHash() != null)) {
            ticket.caller = new CallerContact(citizen.sealedPhone(), citizen.sealedName(), citizen.phoneHash(),
                    citizen.contactAllowed());
        }
        if (received.location() != null) {
            ticket.lat = received.location().lat();
            ticket.lon = received.location().lon();
        }
        ticket.gridId = grid == null ? null : grid.id();
        ticket.streetOffice = grid == null ? null : grid.streetOffice();
        ticket.district = grid != null ? grid.district()
                : received.address() == null ? null : received.address().district();
        ticket.receivedAt = received.occurredAt();
        ticket.repeatOf = received.repeatOf();
        ticket.parentIncidentId = received.parentIncidentId();
        return ticket;
    }

    /**
     * What the rules need to know to route this ticket again; their hours are read in the city's {@code zone}, and
     * {@code categoryPriority} is what the city's folder gives its category.
     */
    public RoutingInput routingInput(ZoneId zone, Priority categoryPriority) {
        return new RoutingInput(category, description, district, gridId, streetOffice, channel, urgency,
                LocalTime.ofInstant(receivedAt, zone), categoryPriority);
    }

    /**
     * Dispatches the ticket to the decision's lead unit with new deadlines, and stages TicketAssigned: a new ticket
     * placed by the rules, or one dispatched again by a supervisor or after a return.
     */
    public void assign(RoutingDecision decision, String unitName, Instant now, Dispatcher.Deadlines deadlines) {
        assign(decision, unitName, now, deadlines, null);
    }

    /**
     * Dispatches the ticket as {@link #assign(RoutingDecision, String, Instant, Dispatcher.Deadlines)} does, and
     * gives each of the decision's supporting units its part (PartAssigned, after TicketAssigned): to be signed for
     * by the lead's accept deadline, and answered when the lead's resolve deadline starts to warn (its urgency class's
     * window before it, else when the lead is reminded), so that the lead has that window to put the answer
     * together. {@code assignedBy} is the supervisor who dispatched it, {@code null} for the rules.
     */
    public void assign(RoutingDecision decision, String unitName, Instant now, Dispatcher.Deadlines deadlines,
            String assignedBy) {
        (status == TicketStatus.RECEIVED ? Transition.PLACE : Transition.DISPATCH).require(status);
        status = TicketStatus.ASSIGNED;
        withdrawOpenParts();
        unitId = decision.leadUnit();
        coUnitIds = new ArrayList<>(decision.coUnits().stream().distinct()
                .filter(unit -> !unit.equals(decision.leadUnit())).toList());
        priority = decision.priority();
        assignment++;
        assignedAt = now;
        acceptedAt = null;
        acceptBy = deadlines.acceptBy();
        resolveBy = deadlines.resolveBy();
        acceptRemindAt = remindAt(now, acceptBy);
        resolveRemindAt = remindAt(now, resolveBy);
        TimeLimits.Terms terms = deadlines.terms();
        urgencyClass = terms == null ? null : terms.urgencyClass();
        warningSeconds = terms == null || terms.warning() == null ? null : terms.warning().toSeconds();
        longestResolveBy = terms == null || terms.longestResolve() == null ? null : now.plus(terms.longestResolve());
        acceptWarnAt = warnAt(now, acceptBy, acceptRemindAt);
        resolveWarnAt = warnAt(now, resolveBy, resolveRemindAt);
        acceptReminded = false;
        acceptEscalated = false;
        resolveReminded = false;
        resolveEscalated = false;
        reason = new AssignmentReason(decision.ruleId(), decision.ruleSetVersion(), gridId, decision.cues());
        stage(new TicketAssigned(EventIds.of(id, "TicketAssigned", assignment), now, id, ticketNumber, assignment,
                unitId, unitName, coUnitIds, category, district, priority, acceptBy, resolveBy,
                reason));
        Instant partDueBy = resolveWarnAt.isAfter(acceptBy) ? resolveWarnAt : acceptBy;
        for (String supporting : coUnitIds) {
            parts.add(new Part(supporting, assignment, PartState.ASSIGNED, now, assignedBy, acceptBy, partDueBy,
                    null, null, null, null, null, null));
            stage(new PartAssigned(partEventId("PartAssigned", supporting), now, id, unitId, supporting,
                    assignment, acceptBy, partDueBy, assignedBy));
        }
        refreshPartsDueBy();
    }

    /** No rule matched, or too many units returned it: a supervisor must dispatch it. */
    public void toTriage(RoutingDecision decision) {
        (status == TicketStatus.RECEIVED ? Transition.PLACE : Transition.TO_TRIAGE).require(status);
        status = TicketStatus.TRIAGE;
        withdrawOpenParts();
        refreshPartsDueBy();
        unitId = null;
        coUnitIds = new ArrayList<>();
        priority = decision.priority();
        reason = new AssignmentReason(null, decision.ruleSetVersion(), gridId, decision.cues());
    }

    /** A call the operator answered on the spot: never dispatched, closed at once. */
    void closeAtIntake(Instant now) {
        Transition.PLACE.require(status);
        status = TicketStatus.CLOSED;
        closedAt = now;
        stage(new TicketClosed(EventIds.of(id, "TicketClosed", 1), now, id, null, "RESOLVED_AT_INTAKE"));
    }

    /** A repeat call about an open ticket, or another report of an incident: kept, linked, never dispatched. */
    void link() {
        Transition.PLACE.require(status);
        status = TicketStatus.LINKED;
    }

    /** The unit signs for the ticket (签收). */
    public void accept(Instant now) {
        Transition.ACCEPT.require(status);
        status = TicketStatus.ACCEPTED;
        acceptedAt = now;
        stage(new TicketAccepted(EventIds.of(id, "TicketAccepted", assignment), now, id, unitId,
                !now.isAfter(acceptBy)));
    }

    /**
     * The unit returns the ticket (退单), citing the law or list of duties it rests on ({@code basis}, optional); the
     * caller routes it again without the units that returned it, or holds it for the centre's review
     * ({@link #holdForReview}).
     */
    public void reject(ReturnReason reason, String reasonText, String basis, Instant now) {
        Transition.RETURN.require(status);
        lapseWaitingExtension(now);
        long earlier = returns.stream().filter(r -> r.assignment() == assignment).count();
        // a unit whose return the centre rejected may return the same assignment again: a fact of its own
        Object occasion = earlier == 0 ? assignment : assignment + "/" + (earlier + 1);
        stage(new TicketRejected(EventIds.of(id, "TicketRejected", occasion), now, id, unitId, reason.name(),
                reasonText, basis));
        returnedBy.add(unitId);
        returns.add(new Return(now, unitId, reason.name(), reasonText, assignment, basis));
        returnedFrom = status;
        status = TicketStatus.REJECTED;
    }

    /**
     * The return just made waits for the centre, who should decide by {@code reviewBy}. The unit stays named on the
     * ticket, so that it sees where its return stands and gets it back if the centre rejects the return; its
     * deadlines stand, and are not chased while the centre decides.
     */
    public void holdForReview(Instant reviewBy, Instant now) {
        Transition.HOLD_FOR_REVIEW.require(status);
        status = TicketStatus.RETURN_REVIEW;
        reviewSince = now;
        this.reviewBy = reviewBy;
    }

    /**
     * The centre upholds the return: the ticket goes to the decision's unit with new deadlines, with the
     * supervisor's reason kept in its history. Stages ReturnUpheld, then TicketAssigned.
     */
    public void upholdReturn(RoutingDecision next, String nextUnitName, String why, String decidedBy,
            Dispatcher.Deadlines deadlines, Instant now) {
        Transition.UPHOLD_RETURN.require(status);
        if (next.leadUnit().equals(unitId)) {
            throw new InvalidRequestException("unitId", "returning-unit",
                    "is the unit that returned the ticket; reject the return to send it back");
        }
        stage(new ReturnUpheld(EventIds.of(id, "ReturnUpheld", returns.size()), now, id, unitId, next.leadUnit(),
                why, decidedBy));
        returnDecisions.add(new ReturnDecision(now, unitId, "UPHELD", next.leadUnit(), why, decidedBy, assignment));
        endReview();
        status = TicketStatus.REJECTED;
        assign(next, nextUnitName, now, deadlines);
    }

    /**
     * The centre rejects the return: the ticket goes back to the unit that returned it, in the state it returned it
     * from and with the deadlines it had, which kept running; the supervisor's reason is kept in its history.
     */
    public void rejectReturn(String why, String decidedBy, Instant now) {
        Transition.REJECT_RETURN.require(status);
        TicketStatus backTo = returnedFrom == null ? TicketStatus.ASSIGNED : returnedFrom;
        stage(new ReturnRejected(EventIds.of(id, "ReturnRejected", returns.size()), now, id, unitId, why,
                decidedBy, backTo.name(), acceptBy, resolveBy));
        returnDecisions.add(new ReturnDecision(now, unitId, "REJECTED", null, why, decidedBy, assignment));
        // the centre found the ticket is this unit's: the rules must not pass it over for having returned it
        returnedBy.remove(returnedBy.size() - 1);
        status = backTo;
        endReview();
    }

    private void endReview() {
        reviewSince = null;
        reviewBy = null;
        returnedFrom = null;
    }

    /**
     * The holding unit asks for more time (延期申请): while {@code allowance} covers the extension, counting every
     * extension the unit was given on this ticket and every request of its the centre refused, it is granted at
     * once (TicketExtended);
     * beyond it the request waits for the centre (ExtensionRequested), who should decide by {@code decideBy}.
     * Meanwhile the deadline stands and runs, and is chased and counted against the unit, which works on. Answers
     * whether it was granted at once.
     */
    public boolean requestExtension(Instant newResolveBy, String why, String requestedBy, ExtensionAllowance allowance,
            Instant decideBy, Instant now) {
        Transition.EXTEND.require(status);
        requireNoneWaiting("ask again for more time on", "a request for more time already waits for the centre");
        requireLaterDeadline(newResolveBy, now);
        // a refusal counts as well: after the centre said no, more time is the centre's to give; what another unit
        // that held the ticket took does not
        long counted = extensionHistory.stream()
                .filter(e -> e.state() != ExtensionState.LAPSED && unitId.equals(e.unitId())).count();
        if (longestResolveBy != null && newResolveBy.isAfter(longestResolveBy)) {
            throw new InvalidRequestException("resolveBy", "beyond-urgency-class", "may be at most "
                    + longestResolveBy + ", the longest the urgency class " + urgencyClass + " allows");
        }
        // a class that may run longer than its answer limit does so only with the centre's approval (复杂疑难)
        boolean byTheClass = longestResolveBy != null;
        if (!byTheClass && allowance.covers((int) counted, Duration.between(resolveBy, newResolveBy))) {
            extensionHistory.add(new Extension(now, unitId, requestedBy, resolveBy, newResolveBy, why,
                    ExtensionState.GRANTED, null, newResolveBy, null, null, null));
            moveResolveBy(newResolveBy, why, requestedBy, now);
            return true;
        }
        extensionHistory.add(new Extension(now, unitId, requestedBy, resolveBy, newResolveBy, why,
                ExtensionState.WAITING, decideBy, null, null, null, null));
        extensionWaitingSince = now;
        stage(new ExtensionRequested(EventIds.of(id, "ExtensionRequested", extensionHistory.size()), now, id,
                unitId, newResolveBy, resolveBy, why, requestedBy, decideBy));
        return false;
    }

    /**
     * The centre approves the waiting request (延期审批): to the date asked, or to {@code shorterResolveBy} when given,
     * which must lie after the current deadline and not after the date asked; granting less than asked takes a
     * reason. Stages ExtensionApproved, then TicketExtended (the citizen's text hangs on it).
     */
    public void approveExtension(Instant shorterResolveBy, String why, String decidedBy, Instant now) {
        Extension waiting = waitingExtension();
        Instant granted = shorterResolveBy == null ? waiting.requestedResolveBy() : shorterResolveBy;
        if (granted.isAfter(waiting.requestedResolveBy())) {
            throw new InvalidRequestException("resolveBy", "later-than-asked",
                    "may not be later than the deadline the unit asked for, " + waiting.requestedResolveBy());
        }
        if (!granted.isAfter(resolveBy)) {
            throw new InvalidRequestException("resolveBy", "deadline-not-later",
                    "must be after the current deadline, " + resolveBy);
        }
        if (granted.isBefore(waiting.requestedResolveBy()) && (why == null || why.isBlank())) {
            throw new InvalidRequestException("reason", "required",
                    "must say why the unit gets less time than it asked for");
        }
        String reason = why == null || why.isBlank() ? null : why;
        stage(new ExtensionApproved(EventIds.of(id, "ExtensionApproved", extensionHistory.size()), now, id, unitId,
                waiting.requestedResolveBy(), granted, reason, decidedBy));
        settle(waiting.decided(ExtensionState.APPROVED, granted, reason, decidedBy, now));
        moveResolveBy(granted, waiting.reason(), decidedBy, now);
    }

    /**
     * The centre refuses the waiting request (延期审批), with its reason: the deadline stands, as it ran meanwhile.
     * Stages ExtensionRefused; nobody is texted.
     */
    public void refuseExtension(String why, String decidedBy, Instant now) {
        Extension waiting = waitingExtension();
        stage(new ExtensionRefused(EventIds.of(id, "ExtensionRefused", extensionHistory.size()), now, id, unitId,
                waiting.requestedResolveBy(), resolveBy, why, decidedBy));
        settle(waiting.decided(ExtensionState.REFUSED, null, why, decidedBy, now));
    }

    /**
     * A supervisor moves the resolve deadline (延期) without a unit's request; a request that waits must be decided
     * instead, so that the unit learns what became of it.
     */
    public void extendByCentre(Instant newResolveBy, String why, String supervisor, Instant now) {
        Transition.EXTEND.require(status);
        requireNoneWaiting("extend", "a unit's request for more time waits: approve or refuse it");
        requireLaterDeadline(newResolveBy, now);
        extensionHistory.add(new Extension(now, unitId, supervisor, resolveBy, newResolveBy, why,
                ExtensionState.BY_CENTRE, null, newResolveBy, why, supervisor, now));
        moveResolveBy(newResolveBy, why, supervisor, now);
    }

    /** The request for more time that waits for the centre; 409 when none does. */
    private Extension waitingExtension() {
        Transition.DECIDE_EXTENSION.require(status);
        if (extensionWaitingSince == null) {
            throw new IllegalTransitionException(Transition.DECIDE_EXTENSION.name(), "decide more time for",
                    status.name(), "no request for more time waits for the centre");
        }
        return extensionHistory.get(extensionHistory.size() - 1);
    }

    private void requireNoneWaiting(String verb, String rule) {
        if (extensionWaitingSince != null) {
            throw new IllegalTransitionException(Transition.EXTEND.name(), verb, status.name(), rule);
        }
    }

    private void requireLaterDeadline(Instant newResolveBy, Instant now) {
        if (!newResolveBy.isAfter(resolveBy)) {
            throw new InvalidRequestException("resolveBy", "deadline-not-later",
                    "must be after the current deadline, " + resolveBy);
        }
        if (newResolveBy.isAfter(now.plus(LONGEST_EXTENSION))) {
            // a deadline years away is a typo, and one past the calendar's end cannot be stored at all
            throw new InvalidRequestException("resolveBy", "deadline-too-far", "must be within "
                    + LONGEST_EXTENSION.toDays() + " days from now");
        }
    }

    /** The waiting request is decided, or lapses. */
    private void settle(Extension outcome) {
        extensionHistory.set(extensionHistory.size() - 1, outcome);
        extensionWaitingSince = null;
    }

    /** A request that waits lapses when the unit resolves or returns the ticket first: there is nothing to decide. */
    private void lapseWaitingExtension(Instant now) {
        if (extensionWaitingSince != null) {
            settle(extensionHistory.get(extensionHistory.size() - 1).decided(ExtensionState.LAPSED, null, null,
                    null, now));
        }
    }

    private void moveResolveBy(Instant newResolveBy, String why, String approvedBy, Instant now) {
        extensions++;
        resolveBy = newResolveBy;
        resolveRemindAt = remindAt(now, newResolveBy);
        resolveWarnAt = warnAt(now, newResolveBy, resolveRemindAt);
        resolveReminded = false;
        resolveEscalated = false;
        status = TicketStatus.EXTENDED;
        stage(new TicketExtended(EventIds.of(id, "TicketExtended", extensions), now, id, unitId, newResolveBy, why,
                approvedBy));
    }

    /** The supporting unit signs for its part (协办签收); on time or not against the part's accept deadline. */
    public void acceptPart(String supportingUnit, Instant now) {
        Transition.WORK_PART.require(status);
        Part part = partInState(supportingUnit, PartState.ASSIGNED, "sign for a part of",
                "only a part that is ASSIGNED can be signed for");
        replacePart(part, part.withState(PartState.ACCEPTED, now, null, null, null, null, null));
        stage(new PartAccepted(partEventId("PartAccepted", supportingUnit), now, id, unitId, supportingUnit,
                assignment, !now.isAfter(part.acceptBy())));
    }

    /**
     * The supporting unit sends its part of the answer to the lead (协办答复); on time or not against the part's
     * deadline. Only a part signed for is answered.
     */
    public void answerPart(String supportingUnit, String answer, Instant now) {
        Transition.WORK_PART.require(status);
        Part part = partInState(supportingUnit, PartState.ACCEPTED, "answer a part of",
                "only a part that is ACCEPTED can be answered");
        replacePart(part, part.withState(PartState.ANSWERED, part.acceptedAt(), answer, now, null, null, null));
        stage(new PartAnswered(partEventId("PartAnswered", supportingUnit), now, id, unitId, supportingUnit,
                assignment, answer, part.dueBy(), !now.isAfter(part.dueBy())));
    }

    /** The centre waives a supporting unit's open part (协办免除), with its reason: the lead resolves without it. */
    public void waivePart(String supportingUnit, String why, String supervisor, Instant now) {
        Transition.WAIVE_PART.require(status);
        Part part = currentPart(supportingUnit, Transition.WAIVE_PART, "waive a part of");
        if (!part.open()) {
            throw new IllegalTransitionException(Transition.WAIVE_PART.name(), "waive a part of",
                    part.state().name(), "only a part that is ASSIGNED or ACCEPTED can be waived");
        }
        replacePart(part, part.withState(PartState.WAIVED, part.acceptedAt(), null, null, why, supervisor, now));
        stage(new PartWaived(partEventId("PartWaived", supportingUnit), now, id, unitId, supportingUnit,
                assignment, part.state().name(), part.dueBy(), part.overdueAt(now), why, supervisor));
    }

    /** The parts of the current assignment, oldest first. */
    public List<Part> currentParts() {
        return parts.stream().filter(part -> part.assignment() == assignment).toList();
    }

    /** The part of {@code supportingUnit} in the current assignment, if it has one. */
    public Optional<Part> partOf(String supportingUnit) {
        return currentParts().stream().filter(part -> part.unitId().equals(supportingUnit)).findFirst();
    }

    private List<Part> openParts() {
        return currentParts().stream().filter(Part::open).toList();
    }

    private Part currentPart(String supportingUnit, Transition transition, String verb) {
        return partOf(supportingUnit).orElseThrow(() -> new IllegalTransitionException(transition.name(), verb,
                status.name(), "the unit has no part in the ticket's current assignment"));
    }

    private Part partInState(String supportingUnit, PartState required, String verb, String rule) {
        Part part = currentPart(supportingUnit, Transition.WORK_PART, verb);
        if (part.state() != required) {
            throw new IllegalTransitionException(Transition.WORK_PART.name(), verb, part.state().name(), rule);
        }
        return part;
    }

    private void replacePart(Part before, Part after) {
        parts.set(parts.indexOf(before), after);
        refreshPartsDueBy();
    }

    /** A new assignment, or triage, ends the parts of the one before that are not in. */
    private void withdrawOpenParts() {
        parts.replaceAll(part -> part.open()
                ? part.withState(PartState.WITHDRAWN, part.acceptedAt(), null, null, null, null, null) : part);
    }

    private void refreshPartsDueBy() {
        partsDueBy = parts.stream().filter(Part::open).map(Part::runningDeadline).min(Instant::compareTo)
                .orElse(null);
    }

    private String partEventId(String type, String supportingUnit) {
        return EventIds.of(id, type, assignment + "/" + supportingUnit);
    }

    /** The unit records what it did so far. */
    public void note(String text, Instant now) {
        Transition.ADD_PROGRESS.require(status);
        notes.add(new Note(now, unitId, text));
    }

    /**
     * The unit resolves the ticket (办结); the citizen is asked within {@code feedbackWindow}. The reply goes to the
     * citizen, and is shown publicly only when the unit says {@code replyPublic}.
     */
    public void resolve(ResolutionResult outcome, String replyText, boolean replyPublic, Instant now,
            Duration feedbackWindow) {
        Transition.RESOLVE.require(status);
        List<String> waitedFor = openParts().stream().map(Part::unitId).toList();
        if (!waitedFor.isEmpty()) {
            throw new IllegalTransitionException(Transition.RESOLVE.name(), "resolve", status.name(),
                    "each supporting unit's part must be in or waived by the centre first; still open: "
                            + String.join(", ", waitedFor));
        }
        lapseWaitingExtension(now);
        resolutions++;
        status = TicketStatus.RESOLVED;
        result = outcome.name();
        reply = replyText;
        this.replyPublic = replyPublic;
        resolvedAt = now;
        feedbackDueAt = now.plus(feedbackWindow);
        stage(new TicketResolved(EventIds.of(id, "TicketResolved", resolutions), now, id, unitId, outcome,
                replyText, !now.isAfter(resolveBy), replyPublic, resolutions));
    }

    /** The citizen was not satisfied or not helped: back to the same unit (重办) with a new deadline. */
    public void reopen(String why, Instant newResolveBy, Instant now) {
        Transition.REOPEN.require(status);
        reopenings++;
        status = TicketStatus.REOPENED;
        resolveBy = newResolveBy;
        resolveRemindAt = remindAt(now, newResolveBy);
        resolveWarnAt = warnAt(now, newResolveBy, resolveRemindAt);
        resolveReminded = false;
        resolveEscalated = false;
        feedbackDueAt = null;
        stage(new TicketReopened(EventIds.of(id, "TicketReopened", reopenings), now, id, unitId, why,
                newResolveBy, resolutions));
    }

    /** The ticket is archived (归档) after the citizen's answer. */
    public void close(String why, Instant now) {
        Transition.CLOSE.require(status);
        status = TicketStatus.CLOSED;
        closedAt = now;
        stage(new TicketClosed(EventIds.of(id, "TicketClosed", 1), now, id, unitId, why));
    }

    /** What the citizen's answer did to the ticket. */
    public enum FeedbackOutcome {
        CLOSED,
        REOPENED,
        /** It answers another resolution than the current one: late, or redelivered after a reopening. */
        STALE_ROUND,
        /** It answers the current resolution, but the ticket awaits no answer (already answered, or closed). */
        NOT_AWAITING;

        public boolean ignored() {
            return this == STALE_ROUND || this == NOT_AWAITING;
        }
    }

    /**
     * The citizen's answer to resolution {@code round} (1 for the first): satisfied and solved closes the ticket,
     * anything else reopens it with the resolve limit of its urgency class, or of its priority where it has none.
     * Only an answer to the current resolution of a ticket awaiting one acts; any other changes nothing and says why.
     */
    public FeedbackOutcome takeFeedback(int round, boolean solved, Satisfaction satisfaction, TimeLimits limits,
            Instant now) {
        if (round != resolutions) {
            return FeedbackOutcome.STALE_ROUND;
        }
        if (!Transition.REOPEN.allowedFrom(status)) {
            return FeedbackOutcome.NOT_AWAITING;
        }
        if (solved && satisfaction != Satisfaction.DISSATISFIED) {
            close("FEEDBACK", now);
            return FeedbackOutcome.CLOSED;
        }
        TimeLimits.Terms terms = limits.terms(urgencyClass, priority);
        // the reopened round gets its class's longest answer from now, or no later extension could be asked for
        if (terms.longestResolve() != null) {
            Instant longest = now.plus(terms.longestResolve());
            longestResolveBy = longestResolveBy == null || longest.isAfter(longestResolveBy) ? longest
                    : longestResolveBy;
        }
        reopen(solved ? "DISSATISFIED" : "NOT_SOLVED", now.plus(terms.resolve()), now);
        return FeedbackOutcome.REOPENED;
    }

    /**
     * Acts on every deadline due at {@code now}, each once: a reminder at {@link #REMIND_AT} of the time to accept
     * or resolve, an escalation (督办) when that time has passed, and closing a resolved ticket the citizen did not
     * rate within the feedback window. Returns how many it acted on.
     */
    public int chaseDeadlines(Instant now) {
        int acted = 0;
        if (Transition.CHASE_ACCEPT.allowedFrom(status)) {
            if (!acceptReminded && !acceptRemindAt.isAfter(now)) {
                acceptReminded = true;
                stage(new TicketDeadlineApproaching(EventIds.of(id, "TicketDeadlineApproaching", "ACCEPT@"
                        + acceptBy), now, id, unitId, "ACCEPT", acceptBy));
                acted++;
            }
            if (!acceptEscalated && !acceptBy.isAfter(now)) {
                acceptEscalated = true;
                escalate("ACCEPT_OVERDUE", "ACCEPT_OVERDUE@" + acceptBy, acceptBy, now);
                acted++;
            }
        }
        if (Transition.CHASE_RESOLUTION.allowedFrom(status)) {
            if (!resolveReminded && !resolveRemindAt.isAfter(now)) {
                resolveReminded = true;
                stage(new TicketDeadlineApproaching(EventIds.of(id, "TicketDeadlineApproaching", "RESOLVE@"
                        + resolveBy), now, id, unitId, "RESOLVE", resolveBy));
                acted++;
            }
            if (!resolveEscalated && !resolveBy.isAfter(now)) {
                resolveEscalated = true;
                escalate("RESOLVE_OVERDUE", "RESOLVE_OVERDUE@" + resolveBy, resolveBy, now);
                acted++;
            }
        }
        if (Transition.CLOSE.allowedFrom(status) && feedbackDueAt != null && !feedbackDueAt.isAfter(now)) {
            close("FEEDBACK_WINDOW_PASSED", now);
            acted++;
        }
        return acted;
    }

    /**
     * The citizen called again about this ticket (repeat call {@code repeatTicketId}): its unit and the
     * supervisors are told. Once per repeat call; a closed ticket is not escalated (false).
     */
    public boolean escalateForRepeat(String repeatTicketId, Instant now) {
        if (!Transition.ESCALATE_REPEAT.allowedFrom(status) || repeatsEscalated.contains(repeatTicketId)) {
            return false;
        }
        repeatsEscalated.add(repeatTicketId);
        escalate("REPEAT_CALL", "repeat:" + repeatTicketId, null, now);
        return true;
    }

    /**
     * The ticket this one joined, whose unit carries its work: the caller's open ticket it repeats, else the first
     * report of the same incident; {@code null} for a ticket that is not {@code LINKED}.
     */
    String joined() {
        if (status != TicketStatus.LINKED) {
            return null;
        }
        return repeatOf != null ? repeatOf : parentIncidentId;
    }

    /**
     * The caller's sealed contact, for a call back; refused when the caller gave no number or did not agree to be
     * contacted.
     */
    public CallerContact callerToCallBack(boolean byTheCentre) {
        if (!byTheCentre && !TicketStatus.UNRESOLVED.contains(status)) {
            throw new IllegalTransitionException(CALL_BACK, "call back the caller of", status.name(),
                    "a unit calls the caller back only while it works the ticket; the centre calls back after that");
        }
        if (caller == null || caller.sealedPhone() == null) {
            throw new IllegalTransitionException(CALL_BACK, "call back the caller of", status.name(),
                    "the caller gave no phone number");
        }
        if (!caller.contactAllowed()) {
            throw new IllegalTransitionException(CALL_BACK, "call back the caller of", status.name(),
                    "the caller did not agree to be contacted");
        }
        return caller;
    }

    /** Whether a unit may call the caller back: a number was given and the caller agreed to be contacted. */
    public boolean isCallerReachable() {
        return caller != null && caller.reachable();
    }

    /** Whether the holding unit is late to sign for it or to resolve it, as {@link Overdue} defines it. */
    public boolean overdueAt(Instant now) {
        return Overdue.at(Overdue.Running.in(status.name()), acceptBy, resolveBy, now);
    }

    /**
     * Whether the running deadline is due within its warning window at {@code now} (about to breach): its warning
     * has started and it has not passed, as {@link #overdueAt} counts passing.
     */
    public boolean dueSoonAt(Instant now) {
        Instant warning = warnAt();
        Instant deadline = Overdue.Running.in(status.name()).of(acceptBy, resolveBy);
        return warning != null && deadline != null && !warning.isAfter(now) && !deadline.isBefore(now);
    }

    /** When the running deadline's warning starts; {@code null} when no deadline runs. */
    public Instant warnAt() {
        return Overdue.Running.in(status.name()).of(acceptWarnAt, resolveWarnAt);
    }

    private void escalate(String why, String occasion, Instant deadline, Instant now) {
        escalations++;
        escalationHistory.add(new Escalation(now, why, unitId));
        stage(new TicketEscalated(EventIds.of(id, "TicketEscalated", occasion), now, id, unitId, why, deadline));
    }

    /**
     * When a deadline set at {@code from} starts to warn: its urgency class's window before it (from the start when
     * the window is longer than the time given), else when the unit is reminded.
     */
    private Instant warnAt(Instant from, Instant deadline, Instant remindAt) {
        if (warningSeconds == null) {
            return remindAt;
        }
        Instant start = deadline.minusSeconds(warningSeconds);
        return start.isBefore(from) ? from : start;
    }

    private static Instant remindAt(Instant from, Instant deadline) {
        long millis = Duration.between(from, deadline).toMillis();
        return from.plusMillis((long) (millis * REMIND_AT));
    }

    public String getId() {
        return id;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public String getChannel() {
        return channel;
    }

    public String getCategory() {
        return category;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public String getDescription() {
        return description;
    }

    public String getAddress() {
        return address;
    }

    public Double getLat() {
        return lat;
    }

    public Double getLon() {
        return lon;
    }

    public String getGridId() {
        return gridId;
    }

    public String getDistrict() {
        return district;
    }

    public String getUnitId() {
        return unitId;
    }

    public List<String> getCoUnitIds() {
        return coUnitIds;
    }

    public List<Part> getParts() {
        return parts;
    }

    public Instant getPartsDueBy() {
        return partsDueBy;
    }

    public Priority getPriority() {
        return priority;
    }

    public int getAssignment() {
        return assignment;
    }

    public Instant getAcceptBy() {
        return acceptBy;
    }

    public Instant getResolveBy() {
        return resolveBy;
    }

    public String getUrgencyClass() {
        return urgencyClass;
    }

    public Instant getLongestResolveBy() {
        return longestResolveBy;
    }

    public AssignmentReason getReason() {
        return reason;
    }

    public List<String> getReturnedBy() {
        return returnedBy;
    }

    public List<Return> getReturns() {
        return returns;
    }

    public List<ReturnDecision> getReturnDecisions() {
        return returnDecisions;
    }

    public Instant getReviewSince() {
        return reviewSince;
    }

    public Instant getReviewBy() {
        return reviewBy;
    }

    public List<Escalation> getEscalationHistory() {
        return escalationHistory;
    }

    public int getExtensions() {
        return extensions;
    }

    public List<Extension> getExtensionHistory() {
        return extensionHistory;
    }

    public Instant getExtensionWaitingSince() {
        return extensionWaitingSince;
    }

    /** The request for more time that waits for the centre, if one does. */
    public Optional<Extension> extensionWaiting() {
        return extensionWaitingSince == null ? Optional.empty()
                : Optional.of(extensionHistory.get(extensionHistory.size() - 1));
    }

    public int getReopenings() {
        return reopenings;
    }

    /** How many times the ticket was resolved: the round of its latest resolution, 0 before the first. */
    public int getResolutions() {
        return resolutions;
    }

    public int getEscalations() {
        return escalations;
    }

    public List<Note> getNotes() {
        return notes;
    }

    public String getResult() {
        return result;
    }

    public String getReply() {
        return reply;
    }

    public boolean isReplyPublic() {
        return replyPublic;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getRepeatOf() {
        return repeatOf;
    }

    public String getParentIncidentId() {
        return parentIncidentId;
    }
}
