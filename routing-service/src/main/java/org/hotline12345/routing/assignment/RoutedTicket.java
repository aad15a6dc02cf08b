package org.hotline12345.routing.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.Priority;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.referencedata.Grid;
import org.hotline12345.routing.rules.RoutingDecision;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Routing's record of a ticket: where it lies, who holds it, by when, and why. */
@Document("tickets")
public class RoutedTicket extends OutboxDocument {

    @Id
    private String id;
    private String ticketNumber;
    @Indexed
    private String status;
    private String channel;
    private String category;
    private String urgency;
    private String description;
    private Double lat;
    private Double lon;
    private String gridId;
    private String district;
    @Indexed
    private String unitId;
    private List<String> coUnitIds = new ArrayList<>();
    private String priority;
    private int assignment;
    private Instant acceptBy;
    @Indexed
    private Instant resolveBy;
    private AssignmentReason reason;
    private Instant receivedAt;
    private Instant assignedAt;
    @Version
    private Long version;

    RoutedTicket() {
    }

    private static RoutedTicket from(TicketReceived received, Grid grid) {
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
        ticket.district = grid != null ? grid.district()
                : received.address() == null ? null : received.address().district();
        ticket.receivedAt = received.occurredAt();
        return ticket;
    }

    /** A ticket the rules dispatched: ASSIGNED, with its deadlines, and TicketAssigned staged. */
    static RoutedTicket assigned(TicketReceived received, Grid grid, RoutingDecision decision, String unitName,
            Instant now, Instant acceptBy, Instant resolveBy) {
        RoutedTicket ticket = from(received, grid);
        ticket.status = "ASSIGNED";
        ticket.unitId = decision.leadUnit();
        ticket.coUnitIds = new ArrayList<>(decision.coUnits());
        ticket.priority = decision.priority();
        ticket.assignment = 1;
        ticket.acceptBy = acceptBy;
        ticket.resolveBy = resolveBy;
        ticket.assignedAt = now;
        ticket.reason = new AssignmentReason(decision.ruleId(), decision.ruleSetVersion(), ticket.gridId,
                decision.cues());
        ticket.stage(new TicketAssigned(EventIds.of(ticket.id, "TicketAssigned", ticket.assignment), now, ticket.id,
                ticket.ticketNumber, ticket.assignment, ticket.unitId, unitName, ticket.coUnitIds, ticket.category,
                ticket.district, Priority.valueOf(ticket.priority), acceptBy, resolveBy, ticket.reason));
        return ticket;
    }

    /** A ticket no rule matched: it waits in the centre's triage queue for a supervisor. */
    static RoutedTicket triage(TicketReceived received, Grid grid, RoutingDecision decision) {
        RoutedTicket ticket = from(received, grid);
        ticket.status = "TRIAGE";
        ticket.priority = decision.priority();
        ticket.reason = new AssignmentReason(null, decision.ruleSetVersion(), ticket.gridId, List.of());
        return ticket;
    }

    /** A call the operator answered on the spot: never dispatched, closed at once. */
    static RoutedTicket resolvedAtIntake(TicketReceived received, Grid grid, Instant now) {
        RoutedTicket ticket = from(received, grid);
        ticket.status = "CLOSED";
        ticket.stage(new TicketClosed(EventIds.of(ticket.id, "TicketClosed", 1), now, ticket.id, null,
                "RESOLVED_AT_INTAKE"));
        return ticket;
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

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }
}
