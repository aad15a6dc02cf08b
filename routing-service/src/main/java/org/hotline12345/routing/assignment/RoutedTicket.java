package org.hotline12345.routing.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.ResolutionResult;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.problem.IllegalTransitionException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.routing.rules.RoutingDecision;
import org.hotline12345.routing.rules.RoutingInput;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Routing's record of a ticket: where it lies, who holds it, by when, why, and what happened to it. Every state
 * change guards itself (a forbidden one names the current state) and stages its event in the same document, so the
 * change and its event are one write.
 */
@Document("tickets")
public class RoutedTicket extends OutboxDocument {

    /** States in which the holding unit works on the ticket. */
    public static final Set<String> IN_HAND = Set.of("ACCEPTED", "EXTENDED", "REOPENED");
    /** The city's time zone, in which rules' hours are read. */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    /** The share of the time allowed after which the unit is reminded. */
    static final double REMIND_AT = 0.8;

    @Id
    private String id;
    private String ticketNumber;
    private String status;
    private String channel;
    private String category;
    private String urgency;
    private String description;
    private Double lat;
    private Double lon;
    private String gridId;
    private String streetOffice;
    private String district;
    private String unitId;
    private List<String> coUnitIds = new ArrayList<>();
    private String priority;
    private int assignment;
    private Instant acceptBy;
    private Instant resolveBy;
    private Instant acceptRemindAt;
    private Instant resolveRemindAt;
    private boolean acceptReminded;
    private boolean acceptEscalated;
    private boolean resolveReminded;
    private boolean resolveEscalated;
    private AssignmentReason reason;
    private List<String> returnedBy = new ArrayList<>();
    private int extensions;
    private int resolutions;
    private int reopenings;
    private int escalations;
    private List<Note> notes = new ArrayList<>();
    private String result;
    private String reply;
    private Instant receivedAt;
    private Instant assignedAt;
    private Instant acceptedAt;
    private Instant resolvedAt;
    private Instant feedbackDueAt;
    private Instant closedAt;
    private String repeatOf;
    /** Repeat calls that already escalated this ticket, so a redelivered one does not escalate it again. */
    private List<String> repeatsEscalated = new ArrayList<>();
    @Version
    private Long version;

    RoutedTicket() {
    }

    /** A progress note a unit recorded. */
    public record Note(Instant at, String unitId, String text) {
    }

    static RoutedTicket from(TicketReceived received, Grid grid) {
        RoutedTicket ticket = new RoutedTicket();
        ticket.id = received.ticketId();
        ticket.ticketNumber = received.ticketNumber();
        ticket.channel = received.channel().name();
        ticket.category = received.category();
        ticket.urgency = received.urgency().name();
        ticket.description = received.description();
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
        return ticket;
    }

    /** What the rules need to know to route this ticket again. */
    public RoutingInput routingInput() {
        return new RoutingInput(category, description, district, gridId, streetOffice, channel, urgency,
                LocalTime.ofInstant(receivedAt, CITY_ZONE));
    }

    /** Dispatches the ticket to the decision's lead unit with new deadlines, and stages TicketAssigned. */
    public void assign(RoutingDecision decision, String unitName, Instant now, Dispatcher.Deadlines deadlines) {
        status = "ASSIGNED";
        unitId = decision.leadUnit();
        coUnitIds = new ArrayList<>(decision.coUnits());
        priority = decision.priority();
        assignment++;
        assignedAt = now;
        acceptedAt = null;
        acceptBy = deadlines.acceptBy();
        resolveBy = deadlines.resolveBy();
        acceptRemindAt = remindAt(now, acceptBy);
        resolveRemindAt = remindAt(now, resolveBy);
        acceptReminded = false;
        acceptEscalated = false;
        resolveReminded = false;
        resolveEscalated = false;
        reason = new AssignmentReason(decision.ruleId(), decision.ruleSetVersion(), gridId, decision.cues());
        stage(new TicketAssigned(EventIds.of(id, "TicketAssigned", assignment), now, id, ticketNumber, assignment,
                unitId, unitName, coUnitIds, category, district, Priority.valueOf(priority), acceptBy, resolveBy,
                reason));
    }

    /** No rule matched, or too many units returned it: a supervisor must dispatch it. */
    public void toTriage(RoutingDecision decision) {
        status = "TRIAGE";
        unitId = null;
        coUnitIds = new ArrayList<>();
        priority = decision.priority();
        reason = new AssignmentReason(null, decision.ruleSetVersion(), gridId, decision.cues());
    }

    /** A call the operator answered on the spot: never dispatched, closed at once. */
    void closeAtIntake(Instant now) {
        status = "CLOSED";
        closedAt = now;
        stage(new TicketClosed(EventIds.of(id, "TicketClosed", 1), now, id, null, "RESOLVED_AT_INTAKE"));
    }

    /** A repeat call about an open ticket, or another report of an incident: kept, linked, never dispatched. */
    void link() {
        status = "LINKED";
    }

    /** The unit signs for the ticket (签收). */
    public void accept(Instant now) {
        require("accept", Set.of("ASSIGNED"));
        status = "ACCEPTED";
        acceptedAt = now;
        stage(new TicketAccepted(EventIds.of(id, "TicketAccepted", assignment), now, id, unitId,
                !now.isAfter(acceptBy)));
    }

    /** The unit returns the ticket (退单); the caller routes it again without the units that returned it. */
    public void reject(String reasonCode, String reasonText, Instant now) {
        require("return", Set.of("ASSIGNED", "ACCEPTED"));
        stage(new TicketRejected(EventIds.of(id, "TicketRejected", assignment), now, id, unitId, reasonCode,
                reasonText));
        returnedBy.add(unitId);
        status = "REJECTED";
    }

    /**
     * Moves the resolve deadline (延期). The holding unit is granted one extension of at most {@code maxByUnit};
     * more, or longer, needs a supervisor ({@code bySupervisor}).
     */
    public void extend(Instant newResolveBy, String why, String approvedBy, boolean bySupervisor, Duration maxByUnit,
            Instant now) {
        require("extend", IN_HAND);
        if (!newResolveBy.isAfter(resolveBy)) {
            throw new InvalidRequestException("resolveBy", "must be after the current deadline, " + resolveBy);
        }
        if (!bySupervisor && extensions >= 1) {
            throw new IllegalTransitionException("extend again without a supervisor", status + " (extended "
                    + extensions + " time)");
        }
        if (!bySupervisor && Duration.between(resolveBy, newResolveBy).compareTo(maxByUnit) > 0) {
            throw new InvalidRequestException("resolveBy", "a unit may extend by at most " + maxByUnit.toDays()
                    + " days; ask a supervisor for more");
        }
        extensions++;
        resolveBy = newResolveBy;
        resolveRemindAt = remindAt(now, newResolveBy);
        resolveReminded = false;
        resolveEscalated = false;
        status = "EXTENDED";
        stage(new TicketExtended(EventIds.of(id, "TicketExtended", extensions), now, id, unitId, newResolveBy, why,
                approvedBy));
    }

    /** The unit records what it did so far. */
    public void note(String text, Instant now) {
        require("add progress to", IN_HAND);
        notes.add(new Note(now, unitId, text));
    }

    /** The unit resolves the ticket (办结); the citizen is asked within {@code feedbackWindow}. */
    public void resolve(ResolutionResult outcome, String replyText, Instant now, Duration feedbackWindow) {
        require("resolve", IN_HAND);
        resolutions++;
        status = "RESOLVED";
        result = outcome.name();
        reply = replyText;
        resolvedAt = now;
        feedbackDueAt = now.plus(feedbackWindow);
        stage(new TicketResolved(EventIds.of(id, "TicketResolved", resolutions), now, id, unitId, outcome,
                replyText, !now.isAfter(resolveBy)));
    }

    /** The citizen was not satisfied or not helped: back to the same unit (重办) with a new deadline. */
    public void reopen(String why, Instant newResolveBy, Instant now) {
        require("reopen", Set.of("RESOLVED"));
        reopenings++;
        status = "REOPENED";
        resolveBy = newResolveBy;
        resolveRemindAt = remindAt(now, newResolveBy);
        resolveReminded = false;
        resolveEscalated = false;
        feedbackDueAt = null;
        stage(new TicketReopened(EventIds.of(id, "TicketReopened", reopenings), now, id, unitId, why,
                newResolveBy));
    }

    /** The ticket is archived (归档) after the citizen's answer. */
    public void close(String why, Instant now) {
        require("close", Set.of("RESOLVED"));
        status = "CLOSED";
        closedAt = now;
        stage(new TicketClosed(EventIds.of(id, "TicketClosed", 1), now, id, unitId, why));
    }

    private void require(String action, Set<String> allowed) {
        if (!allowed.contains(status)) {
            throw new IllegalTransitionException(action, status);
        }
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

    public String getStatus() {
        return status;
    }

    public String getChannel() {
        return channel;
    }

    public String getCategory() {
        return category;
    }

    public String getUrgency() {
        return urgency;
    }

    public String getDescription() {
        return description;
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

    public String getPriority() {
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

    public AssignmentReason getReason() {
        return reason;
    }

    public List<String> getReturnedBy() {
        return returnedBy;
    }

    public int getExtensions() {
        return extensions;
    }

    public int getReopenings() {
        return reopenings;
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
}
