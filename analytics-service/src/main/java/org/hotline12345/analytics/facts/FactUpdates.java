package org.hotline12345.analytics.facts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.hotline12345.contracts.CallRated;
import org.hotline12345.contracts.ExtensionApproved;
import org.hotline12345.contracts.ExtensionRefused;
import org.hotline12345.contracts.ExtensionRequested;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.contracts.HotlineEvent;
import org.hotline12345.contracts.NotificationEvent;
import org.hotline12345.contracts.PartAccepted;
import org.hotline12345.contracts.PartAnswered;
import org.hotline12345.contracts.PartAssigned;
import org.hotline12345.contracts.PartWaived;
import org.hotline12345.contracts.ReturnRejected;
import org.hotline12345.contracts.ReturnUpheld;
import org.hotline12345.contracts.Satisfaction;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketEscalated;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketRejected;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.tables.Period;
import org.hotline12345.referencedata.City;

/**
 * What one event changes in its ticket's fact: fields it sets and counters it adds to. Each event type owns its
 * fields, so applying events in any order gives the same fact; counters are guarded by the event id elsewhere.
 */
public final class FactUpdates {

    private FactUpdates() {
    }

    /**
     * The changes of one event: fields to set, fields to clear, counters to add to, and sets to add a value to.
     */
    public record Change(Map<String, Object> set, java.util.List<String> unset, Map<String, Integer> increment,
            Map<String, Object> addToSet) {
    }

    /**
     * The changes of {@code event}; the city's calendar gives a received ticket its day and hour, and its grids
     * place the ticket's point.
     */
    public static Change of(HotlineEvent event, City city) {
        Map<String, Object> set = new LinkedHashMap<>();
        java.util.List<String> unset = new java.util.ArrayList<>();
        Map<String, Integer> inc = new LinkedHashMap<>();
        Map<String, Object> addToSet = new LinkedHashMap<>();
        if (event instanceof TicketReceived r) {
            set.put(Fields.TICKET_NUMBER, r.ticketNumber());
            set.put(Fields.CHANNEL, r.channel().name());
            set.put(Fields.CATEGORY, r.category());
            set.put(Fields.URGENCY, r.urgency().name());
            set.put(Fields.RECEIVED_AT, r.occurredAt());
            LocalDate day = LocalDate.ofInstant(r.occurredAt(), city.zone());
            set.put(Fields.RECEIVED_DAY, Period.DAY.of(day));
            set.put(Fields.RECEIVED_WEEK, Period.WEEK.of(day));
            set.put(Fields.RECEIVED_MONTH, Period.MONTH.of(day));
            set.put(Fields.RECEIVED_HOUR, String.format("%02d",
                    r.occurredAt().atZone(city.zone()).getHour()));
            set.put(Fields.RESOLVED_AT_INTAKE, r.resolvedOnCall());
            if (r.operator() != null) {
                set.put(Fields.OPERATOR, r.operator());
            }
            if (r.answeredFrom() != null) {
                set.put(Fields.ANSWERED_FROM_ARTICLE, r.answeredFrom().articleId());
                set.put(Fields.ANSWERED_FROM_VERSION, r.answeredFrom().version());
            }
            // a question dispatched rather than answered on the call is one the knowledge base had no article for:
            // its words are kept for the centre to ask the units for one (知识缺口)
            QuestionWords words = QuestionWords.of(city);
            if (!r.resolvedOnCall() && words.isQuestion(r.category())) {
                set.put(Fields.QUESTION_DAY, Period.DAY.of(day));
                set.put(Fields.QUESTION_WORDS, words.in(r.description()));
            }
            set.put(Fields.REPEAT, r.repeatOf() != null);
            // the open ticket a repeat call is about, or the first report of the same incident: a cluster's root
            if (r.repeatOf() != null || r.parentIncidentId() != null) {
                set.put(Fields.LINKED_TO, r.repeatOf() != null ? r.repeatOf() : r.parentIncidentId());
            }
            if (r.location() != null) {
                // a place to about a hundred metres is enough for any map of where problems are, and it is not a
                // house; the caller's number (even hashed) is not kept at all: no rate needs it, and together they
                // would be a location history of each citizen
                set.put(Fields.LAT, rounded(r.location().lat()));
                set.put(Fields.LON, rounded(r.location().lon()));
                // routing names the grid only of tickets it assigns; a linked ticket still belongs to a place
                city.gridIndex().locate(r.location().lat(), r.location().lon())
                        .ifPresent(grid -> set.put(Fields.PLACED_GRID_ID, grid.id()));
            }
        } else if (event instanceof TicketAssigned a) {
            set.put(Fields.UNIT_ID, a.unitId());
            set.put(Fields.DISTRICT, a.district());
            set.put(Fields.GRID_ID, a.reason().gridId());
            set.put(Fields.PRIORITY, a.priority().name());
            set.put(Fields.ASSIGNED_AT, a.occurredAt());
            set.put(Fields.ASSIGNED, true);
            set.put(Fields.ACCEPT_BY, a.acceptBy());
            set.put(Fields.RESOLVE_BY, a.resolveBy());
            set.put(Fields.OPEN_RESOLVE_BY, a.resolveBy());
            set.put(Fields.OPEN_ACCEPT_BY, a.acceptBy());
            // a re-assigned ticket counts against the unit that holds it now, so its earlier sign-for is void, and
            // a unit holds the returned ticket again
            unset.add(Fields.ACCEPTED_AT);
            unset.add(Fields.ACCEPTED_ON_TIME);
            unset.add(Fields.RETURNED_AT);
            inc.put(Fields.ASSIGNMENTS, 1);
            addToSet.put(Fields.ASSIGNED_UNITS, a.unitId());
        } else if (event instanceof TicketAccepted a) {
            set.put(Fields.ACCEPTED_AT, a.occurredAt());
            set.put(Fields.ACCEPTED_ON_TIME, a.onTime());
            unset.add(Fields.OPEN_ACCEPT_BY);
        } else if (event instanceof TicketRejected r) {
            inc.put(Fields.RETURNS, 1);
            addToSet.put(Fields.RETURNED_BY, r.unitId());
            addToSet.put(Fields.DECISIONS, decision(r, Decision.Kind.RETURNED));
            set.put(Fields.RETURNED_AT, r.occurredAt());
            unset.add(Fields.OPEN_ACCEPT_BY);
        } else if (event instanceof ReturnUpheld u) {
            // the TicketAssigned that follows moves the ticket and its deadlines: this only counts the decision
            addToSet.put(Fields.DECISIONS, decision(u, Decision.Kind.UPHELD));
        } else if (event instanceof ReturnRejected r) {
            // the return did not stand: the unit holds the ticket again, and the deadline it had runs again as it was,
            // so a return the centre turns down hides no overdue ticket
            unset.add(Fields.RETURNED_AT);
            addToSet.put(Fields.DECISIONS, decision(r, Decision.Kind.REJECTED));
            if ("ACCEPTED".equals(r.backTo()) && r.resolveBy() != null) {
                set.put(Fields.OPEN_RESOLVE_BY, r.resolveBy());
            } else if (r.acceptBy() != null) {
                set.put(Fields.OPEN_ACCEPT_BY, r.acceptBy());
            }
        } else if (event instanceof ExtensionRequested q) {
            // the deadline stands while the centre decides, and the TicketExtended of an approval moves it
            addToSet.put(Fields.DECISIONS, decision(q, Decision.Kind.ASKED));
        } else if (event instanceof ExtensionApproved a) {
            boolean shortened = a.requestedResolveBy() != null && a.resolveBy() != null
                    && a.resolveBy().isBefore(a.requestedResolveBy());
            addToSet.put(Fields.DECISIONS, decision(a,
                    shortened ? Decision.Kind.SHORTENED : Decision.Kind.APPROVED));
        } else if (event instanceof ExtensionRefused f) {
            addToSet.put(Fields.DECISIONS, decision(f, Decision.Kind.REFUSED));
        } else if (event instanceof PartAssigned p) {
            // a supporting unit's part counts for it alone: the lead's deadlines, sign-for and rates stay as they were
            addToSet.put(Fields.PARTS, Part.of(p.eventId(), Part.Kind.ASSIGNED, p.supportingUnitId(), false,
                    p.occurredAt()));
        } else if (event instanceof PartAccepted p) {
            addToSet.put(Fields.PARTS, Part.of(p.eventId(), Part.Kind.ACCEPTED, p.supportingUnitId(), !p.onTime(),
                    p.occurredAt()));
        } else if (event instanceof PartAnswered p) {
            addToSet.put(Fields.PARTS, Part.of(p.eventId(), Part.Kind.ANSWERED, p.supportingUnitId(), !p.onTime(),
                    p.occurredAt()));
        } else if (event instanceof PartWaived p) {
            addToSet.put(Fields.PARTS, Part.of(p.eventId(), Part.Kind.WAIVED, p.supportingUnitId(), p.overdue(),
                    p.occurredAt()));
        } else if (event instanceof TicketExtended e) {
            set.put(Fields.RESOLVE_BY, e.resolveBy());
            set.put(Fields.OPEN_RESOLVE_BY, e.resolveBy());
            inc.put(Fields.EXTENSIONS, 1);
        } else if (event instanceof TicketResolved r) {
            set.put(Fields.RESOLVED_AT, r.occurredAt());
            set.put(Fields.RESOLVED_ON_TIME, r.onTime());
            set.put(Fields.RESULT, r.result().name());
        } else if (event instanceof TicketEscalated) {
            inc.put(Fields.ESCALATIONS, 1);
        } else if (event instanceof TicketReopened r) {
            inc.put(Fields.REOPENINGS, 1);
            set.put(Fields.REOPENED_AT, r.occurredAt());
            set.put(Fields.RESOLVE_BY, r.resolveBy());
            set.put(Fields.OPEN_RESOLVE_BY, r.resolveBy());
        } else if (event instanceof TicketClosed c) {
            set.put(Fields.CLOSED_AT, c.occurredAt());
            set.put(Fields.CLOSE_REASON, c.reason());
            set.put(Fields.CLOSED, true);
            unset.add(Fields.OPEN_RESOLVE_BY);
            unset.add(Fields.OPEN_ACCEPT_BY);
        } else if (event instanceof CallRated c) {
            // how the call was taken, once per ticket: its own field, so the rating of the handling keeps its meaning
            set.put(Fields.CALL_SATISFACTION, c.satisfaction().name());
        } else if (event instanceof NotificationEvent) {
            inc.put(Fields.TEXTS, 1);
        }
        return new Change(set, java.util.List.copyOf(unset), inc, addToSet);
    }

    /**
     * The rating a citizen's answer gives the ticket. Unlike the other fields it is not the event type's alone: a
     * reopened ticket is rated once per resolution round, and only the latest round's answer counts, so it is
     * written only over a rating of the same or an earlier round ({@link Fields#RATED_ROUND}).
     */
    public static Map<String, Object> rating(FeedbackReceived f) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put(Fields.RATED, true);
        set.put(Fields.SOLVED, f.solved());
        set.put(Fields.SATISFACTION, f.satisfaction().name());
        set.put(Fields.SATISFIED, f.satisfaction() != Satisfaction.DISSATISFIED);
        set.put(Fields.RATED_ROUND, f.answersRound());
        return set;
    }

    private static Document decision(TicketLifecycleEvent event, Decision.Kind kind) {
        return Decision.of(event.eventId(), kind, event.unitId(), event.occurredAt());
    }

    /** Three decimals of a degree: about 110 m north to south. */
    static double rounded(double degrees) {
        return Math.round(degrees * 1_000) / 1_000d;
    }
}
