package org.hotline12345.routing.assignment;

import java.time.Instant;
import java.util.List;
import org.hotline12345.contracts.AssignmentReason;
import org.hotline12345.contracts.GeoPoint;

/**
 * A ticket as units and supervisors see it, with why it went where it is and what happened since; a linked ticket
 * names the ticket it joined: {@code repeatOf} (the same caller's open ticket) or {@code parentIncidentId} (the first
 * report of the same incident). {@code address} and {@code location} say where the problem is; the caller's number
 * is never part of it, only whether the unit may ask for it ({@code callerReachable}). {@code returns},
 * {@code returnDecisions} (the centre's review of each return) and {@code escalationHistory} carry each with its
 * time, oldest first, for the timeline; {@code reviewBy} is when the centre should decide a return that waits
 * ({@code RETURN_REVIEW}). {@code extensionHistory} holds every extension asked for or given (延期), oldest first, each
 * with where it stands: a request that waits for the centre is the last, in state {@code WAITING}.
 * {@code urgencyClass} is the urgency class whose limits the deadlines follow ({@code null}: the priority's);
 * {@code warnAt} is when the running deadline's warning starts, and {@code dueSoon} says that it has started and the
 * deadline has not passed (about to breach); {@code longestResolveBy} is as far as the unit may ask, with approval,
 * where the class sets a limit. {@code parts} are the supporting units' parts of the current assignment (协办), each
 * with where it stands: the lead resolves only once each is in ({@code ANSWERED}) or waived by the centre.
 */
public record TicketView(String ticketId, String ticketNumber, String status, String category, String urgency,
        String description, String channel, String district, String gridId, String unitId, List<String> coUnitIds,
        String priority, int assignment, Instant receivedAt, Instant assignedAt, Instant acceptBy,
        Instant acceptedAt, Instant resolveBy, Instant resolvedAt, Instant closedAt, boolean overdue,
        AssignmentReason reason, List<String> returnedBy, int extensions, int reopenings, int escalations,
        String result, String reply, boolean replyPublic, List<RoutedTicket.Note> notes, String repeatOf,
        String parentIncidentId, String address, GeoPoint location, boolean callerReachable,
        List<RoutedTicket.Return> returns, List<RoutedTicket.Escalation> escalationHistory,
        List<RoutedTicket.ReturnDecision> returnDecisions, Instant reviewBy,
        List<RoutedTicket.Extension> extensionHistory, String urgencyClass, Instant warnAt, boolean dueSoon,
        Instant longestResolveBy, List<RoutedTicket.Part> parts) {

    public static TicketView of(RoutedTicket t, Instant now) {
        return new TicketView(t.getId(), t.getTicketNumber(), t.getStatus().name(), t.getCategory(),
                t.getUrgency() == null ? null : t.getUrgency().name(),
                t.getDescription(), t.getChannel(), t.getDistrict(), t.getGridId(), t.getUnitId(), t.getCoUnitIds(),
                t.getPriority() == null ? null : t.getPriority().name(), t.getAssignment(), t.getReceivedAt(),
                t.getAssignedAt(), t.getAcceptBy(), t.getAcceptedAt(), t.getResolveBy(), t.getResolvedAt(),
                t.getClosedAt(), t.overdueAt(now),
                t.getReason(), t.getReturnedBy(), t.getExtensions(), t.getReopenings(), t.getEscalations(),
                t.getResult(), t.getReply(), t.isReplyPublic(), t.getNotes(), t.getRepeatOf(),
                t.getParentIncidentId(), t.getAddress(),
                t.getLat() == null || t.getLon() == null ? null : new GeoPoint(t.getLat(), t.getLon()),
                t.isCallerReachable(), t.getReturns(), t.getEscalationHistory(), t.getReturnDecisions(),
                t.getReviewBy(), t.getExtensionHistory(), t.getUrgencyClass(), t.warnAt(), t.dueSoonAt(now),
                t.getLongestResolveBy(), t.currentParts());
    }
}
