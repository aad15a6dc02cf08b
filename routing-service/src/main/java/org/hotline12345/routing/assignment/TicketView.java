package org.hotline12345.routing.assignment;

import java.time.Instant;
import java.util.List;
import org.hotline12345.contracts.AssignmentReason;

/** A ticket as units and supervisors see it, with why it went where it is. */
record TicketView(String ticketId, String ticketNumber, String status, String category, String urgency,
        String description, String channel, String district, String gridId, String unitId, List<String> coUnitIds,
        String priority, int assignment, Instant receivedAt, Instant assignedAt, Instant acceptBy,
        Instant resolveBy, AssignmentReason reason) {

    static TicketView of(RoutedTicket t) {
        return new TicketView(t.getId(), t.getTicketNumber(), t.getStatus(), t.getCategory(), t.getUrgency(),
                t.getDescription(), t.getChannel(), t.getDistrict(), t.getGridId(), t.getUnitId(), t.getCoUnitIds(),
                t.getPriority(), t.getAssignment(), t.getReceivedAt(), t.getAssignedAt(), t.getAcceptBy(),
                t.getResolveBy(), t.getReason());
    }
}
