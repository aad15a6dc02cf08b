package org.hotline12345.contracts;

import java.time.Instant;
import java.util.List;

/**
 * The events of one test ticket, built the same way in every module's tests: say what matters about the ticket,
 * then ask for its events. Event ids follow {@link EventIds}, so publishing an event twice is a redelivery.
 *
 * <pre>{@code
 * TicketEvents ticket = TicketEvents.ticket("t-1").category("WATER_SUPPLY").unit("WATER_CO").grid("YY-01");
 * topics.publish(ticket.received(at));
 * topics.publish(ticket.assigned(at.plusSeconds(60)));
 * topics.publish(ticket.feedback(at.plusSeconds(90_000), true, Satisfaction.SATISFIED));
 * }</pre>
 */
public final class TicketEvents {

    private final String ticketId;
    private String ticketNumber;
    private Channel channel = Channel.PHONE;
    private String category = "NOISE";
    private Urgency urgency = Urgency.NORMAL;
    private String description = "loud music at night";
    private GeoPoint location;
    private CitizenContact citizen = new CitizenContact(null, null, null, null, "zh", false);
    private String repeatOf;
    private String parentIncidentId;
    private String answerGiven;
    private String unit = "URBAN_MGMT";
    private String district = "YUNYAN";
    private String grid = "YY-04";
    private int assignment;
    private int round = 1;

    private TicketEvents(String ticketId) {
        this.ticketId = ticketId;
        this.ticketNumber = "12345-" + ticketId;
    }

    /** A phone call about noise in Yunyan, handled by urban management in grid YY-04 unless told otherwise. */
    public static TicketEvents ticket(String ticketId) {
        return new TicketEvents(ticketId);
    }

    public String id() {
        return ticketId;
    }

    public TicketEvents number(String ticketNumber) {
        this.ticketNumber = ticketNumber;
        return this;
    }

    public TicketEvents channel(Channel channel) {
        this.channel = channel;
        return this;
    }

    public TicketEvents category(String category) {
        this.category = category;
        return this;
    }

    public TicketEvents urgency(Urgency urgency) {
        this.urgency = urgency;
        return this;
    }

    public TicketEvents description(String description) {
        this.description = description;
        return this;
    }

    public TicketEvents at(GeoPoint location) {
        this.location = location;
        return this;
    }

    public TicketEvents citizen(CitizenContact citizen) {
        this.citizen = citizen;
        return this;
    }

    /** A repeat call about the open ticket {@code ticketId}. */
    public TicketEvents repeatOf(String ticketId) {
        this.repeatOf = ticketId;
        return this;
    }

    /** Another caller's report of the incident first reported as {@code ticketId}. */
    public TicketEvents sameIncidentAs(String ticketId) {
        this.parentIncidentId = ticketId;
        return this;
    }

    /** Answered on the call, with this answer. */
    public TicketEvents answeredOnCall(String answer) {
        this.answerGiven = answer;
        return this;
    }

    /** The unit the next assignment goes to, and that later events name. */
    public TicketEvents unit(String unitId) {
        this.unit = unitId;
        return this;
    }

    public TicketEvents district(String district) {
        this.district = district;
        return this;
    }

    public TicketEvents grid(String gridId) {
        this.grid = gridId;
        return this;
    }

    /** The resolution round (1 unless told) that later resolutions, reopenings and answers name. */
    public TicketEvents round(int resolutionRound) {
        this.round = resolutionRound;
        return this;
    }

    public TicketReceived received(Instant at) {
        return new TicketReceived(id("TicketReceived", 1), at, ticketId, ticketNumber, channel, category, urgency,
                description, location, null, citizen, answerGiven != null, answerGiven, repeatOf, parentIncidentId);
    }

    /** The next assignment, to {@link #unit(String)}: a day to accept, a week to resolve. */
    public TicketAssigned assigned(Instant at) {
        assignment++;
        return new TicketAssigned(id("TicketAssigned", assignment), at, ticketId, ticketNumber, assignment, unit, unit,
                List.of(), category, district, Priority.NORMAL, at.plusSeconds(86_400), at.plusSeconds(7 * 86_400),
                new AssignmentReason("rule", 1, grid, List.of("category=" + category)));
    }

    public TicketAccepted accepted(Instant at, boolean onTime) {
        return new TicketAccepted(id("TicketAccepted", Math.max(assignment, 1)), at, ticketId, unit, onTime);
    }

    public TicketRejected rejected(Instant at, String reasonCode) {
        return new TicketRejected(id("TicketRejected", Math.max(assignment, 1)), at, ticketId, unit, reasonCode,
                "not ours");
    }

    /** The centre upheld this unit's return: the ticket goes to {@code nextUnit}. */
    public ReturnUpheld returnUpheld(Instant at, String nextUnit) {
        return new ReturnUpheld(id("ReturnUpheld", Math.max(assignment, 1)), at, ticketId, unit, nextUnit,
                "not theirs", "sup-1");
    }

    /** The centre rejected this unit's return: the ticket stays with it. */
    public ReturnRejected returnRejected(Instant at) {
        return new ReturnRejected(id("ReturnRejected", Math.max(assignment, 1)), at, ticketId, unit, "theirs",
                "sup-1");
    }

    /** This unit's request number {@code request} (1 for the first) for more time, to {@code resolveBy}. */
    public ExtensionRequested extensionRequested(Instant at, int request, Instant resolveBy) {
        return new ExtensionRequested(id("ExtensionRequested", request), at, ticketId, unit, resolveBy,
                at.plusSeconds(86_400), "needs a joint inspection", "unit-" + unit, at.plusSeconds(14_400));
    }

    /** The centre approved request number {@code request}, granting {@code resolveBy}. */
    public ExtensionApproved extensionApproved(Instant at, int request, Instant resolveBy) {
        return new ExtensionApproved(id("ExtensionApproved", request), at, ticketId, unit, resolveBy, resolveBy,
                null, "sup-1");
    }

    /** The centre refused request number {@code request}. */
    public ExtensionRefused extensionRefused(Instant at, int request) {
        return new ExtensionRefused(id("ExtensionRefused", request), at, ticketId, unit, at.plusSeconds(864_000),
                at.plusSeconds(86_400), "handle it in time", "sup-1");
    }

    /** {@code supportingUnit} is given its part of this assignment by the rules: due in a day. */
    public PartAssigned partAssigned(Instant at, String supportingUnit) {
        return new PartAssigned(partId("PartAssigned", supportingUnit), at, ticketId,
                unit, supportingUnit, Math.max(assignment, 1), at.plusSeconds(7_200), at.plusSeconds(86_400), null);
    }

    /** {@code supportingUnit} sends its part of the answer to the lead. */
    public PartAnswered partAnswered(Instant at, String supportingUnit, boolean onTime) {
        return new PartAnswered(partId("PartAnswered", supportingUnit), at, ticketId,
                unit, supportingUnit, Math.max(assignment, 1), "done our part", at.plusSeconds(3_600), onTime);
    }

    /** The centre waives {@code supportingUnit}'s part. */
    public PartWaived partWaived(Instant at, String supportingUnit) {
        return new PartWaived(partId("PartWaived", supportingUnit), at, ticketId, unit,
                supportingUnit, Math.max(assignment, 1), "ACCEPTED", at.minusSeconds(60), true, "not needed",
                "sup-1");
    }

    public TicketResolved resolved(Instant at, boolean onTime) {
        return new TicketResolved(id("TicketResolved", round), at, ticketId, unit, ResolutionResult.SOLVED,
                "fixed", onTime, false, round);
    }

    public TicketReopened reopened(Instant at, Instant resolveBy) {
        return new TicketReopened(id("TicketReopened", round), at, ticketId, unit, "NOT_SOLVED", resolveBy, round);
    }

    public TicketEscalated escalated(Instant at, String reason) {
        return new TicketEscalated(id("TicketEscalated", 1), at, ticketId, unit, reason, at);
    }

    public TicketClosed closed(Instant at, String reason) {
        return new TicketClosed(id("TicketClosed", 1), at, ticketId, unit, reason);
    }

    public FeedbackReceived feedback(Instant at, boolean solved, Satisfaction satisfaction) {
        return new FeedbackReceived(id("FeedbackReceived", round), at, ticketId, solved, satisfaction, "SMS", round);
    }

    /** The citizen rated how the call was taken, once for the ticket. */
    public CallRated callRated(Instant at, Satisfaction satisfaction) {
        return new CallRated(id("CallRated", 1), at, ticketId, satisfaction, null);
    }

    private String partId(String type, String supportingUnit) {
        return EventIds.of(ticketId, type, Math.max(assignment, 1) + "/" + supportingUnit);
    }

    private String id(String type, int occurrence) {
        return EventIds.of(ticketId, type, occurrence);
    }
}
