package org.hotline12345.analytics.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.NotificationEvent;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.referencedata.GridIndex;
import org.hotline12345.referencedata.SampleCity;

/**
 * What one event changes in its ticket's fact: fields it sets and counters it adds to. Each event type owns its
 * fields, so applying events in any order gives the same fact; counters are guarded by the event id elsewhere.
 */
public final class FactUpdates {

    /** The resolve deadline of a ticket not yet closed, absent once it closes: the overdue gauge reads only these. */
    public static final String OPEN_RESOLVE_BY = "openResolveBy";

    /** The city's calendar, which days and months are counted in. */
    public static final ZoneId CITY_ZONE = SampleCity.ZONE;

    private FactUpdates() {
    }

    /**
     * The changes of one event: fields to set, fields to clear, counters to add to, and sets to add a value to.
     */
    public record Change(Map<String, Object> set, java.util.List<String> unset, Map<String, Integer> increment,
            Map<String, Object> addToSet) {
    }

    /** The changes of {@code event}; {@code grids} places a received ticket's point in its grid. */
    public static Change of(HotlineEvent event, GridIndex grids) {
        Map<String, Object> set = new LinkedHashMap<>();
        java.util.List<String> unset = new java.util.ArrayList<>();
        Map<String, Integer> inc = new LinkedHashMap<>();
        Map<String, Object> addToSet = new LinkedHashMap<>();
        if (event instanceof TicketReceived r) {
            set.put("ticketNumber", r.ticketNumber());
            set.put("channel", r.channel().name());
            set.put("category", r.category());
            set.put("urgency", r.urgency().name());
            set.put("receivedAt", r.occurredAt());
            set.put("receivedDay", day(r.occurredAt()));
            set.put("receivedWeek", week(r.occurredAt()));
            set.put("receivedMonth", day(r.occurredAt()).substring(0, 7));
            set.put("receivedHour", String.format("%02d", r.occurredAt().atZone(CITY_ZONE).getHour()));
            set.put("resolvedAtIntake", r.resolvedOnCall());
            set.put("repeat", r.repeatOf() != null);
            // the open ticket a repeat call is about, or the first report of the same incident: a cluster's root
            if (r.repeatOf() != null || r.parentIncidentId() != null) {
                set.put("linkedTo", r.repeatOf() != null ? r.repeatOf() : r.parentIncidentId());
            }
            if (r.location() != null) {
                set.put("lat", r.location().lat());
                set.put("lon", r.location().lon());
                // routing names the grid only of tickets it assigns; a linked ticket still belongs to a place
                grids.locate(r.location().lat(), r.location().lon())
                        .ifPresent(grid -> set.put("placedGridId", grid.id()));
            }
            if (r.citizen() != null && r.citizen().phoneHash() != null) {
                set.put("citizenHash", r.citizen().phoneHash());
            }
        } else if (event instanceof TicketAssigned a) {
            set.put("unitId", a.unitId());
            set.put("district", a.district());
            set.put("gridId", a.reason().gridId());
            set.put("priority", a.priority().name());
            set.put("assignedAt", a.occurredAt());
            set.put("assigned", true);
            set.put("acceptBy", a.acceptBy());
            set.put("resolveBy", a.resolveBy());
            set.put(OPEN_RESOLVE_BY, a.resolveBy());
            // a re-assigned ticket counts against the unit that holds it now, so its earlier sign-for is void
            unset.add("acceptedAt");
            unset.add("acceptedOnTime");
            inc.put("assignments", 1);
            addToSet.put("assignedUnits", a.unitId());
        } else if (event instanceof TicketAccepted a) {
            set.put("acceptedAt", a.occurredAt());
            set.put("acceptedOnTime", a.onTime());
        } else if (event instanceof TicketRejected r) {
            inc.put("returns", 1);
            addToSet.put("returnedBy", r.unitId());
        } else if (event instanceof TicketExtended e) {
            set.put("resolveBy", e.resolveBy());
            set.put(OPEN_RESOLVE_BY, e.resolveBy());
            inc.put("extensions", 1);
        } else if (event instanceof TicketResolved r) {
            set.put("resolvedAt", r.occurredAt());
            set.put("resolvedOnTime", r.onTime());
            set.put("result", r.result().name());
        } else if (event instanceof TicketEscalated) {
            inc.put("escalations", 1);
        } else if (event instanceof TicketReopened r) {
            inc.put("reopenings", 1);
            set.put("reopenedAt", r.occurredAt());
            set.put("resolveBy", r.resolveBy());
            set.put(OPEN_RESOLVE_BY, r.resolveBy());
        } else if (event instanceof TicketClosed c) {
            set.put("closedAt", c.occurredAt());
            set.put("closeReason", c.reason());
            set.put("closed", true);
            unset.add(OPEN_RESOLVE_BY);
        } else if (event instanceof FeedbackReceived f) {
            set.put("rated", true);
            set.put("solved", f.solved());
            set.put("satisfaction", f.satisfaction().name());
            set.put("satisfied", f.satisfaction() != Satisfaction.DISSATISFIED);
        } else if (event instanceof NotificationEvent) {
            inc.put("texts", 1);
        }
        return new Change(set, java.util.List.copyOf(unset), inc, addToSet);
    }

    public static String day(Instant instant) {
        return LocalDate.ofInstant(instant, CITY_ZONE).toString();
    }

    /** The ISO week of the city's calendar, e.g. {@code 2026-W48}. */
    public static String week(Instant instant) {
        return week(LocalDate.ofInstant(instant, CITY_ZONE));
    }

    /** The ISO week of a day, e.g. {@code 2026-W48}. */
    public static String week(LocalDate date) {
        return String.format("%d-W%02d", date.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
