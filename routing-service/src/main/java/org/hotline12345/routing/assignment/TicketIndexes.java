package org.hotline12345.routing.assignment;

import org.hotline12345.platform.indexes.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes behind routing's queries: each unit's queue and the supervisors' lists by deadline, the triage queue,
 * the returns and the requests for more time the centre reviews, supporting units' parts and the parts overdue, the
 * tickets about to breach, each deadline sweep (status first, so a sweep reads only tickets in the state it acts on,
 * due first), the rules' dry run over recent tickets, the tickets linked to one, the done list and the desk's
 * search.
 */
@Configuration(proxyBeanMethods = false)
class TicketIndexes {

    @Bean
    CollectionIndexes routedTicketIndexes() {
        return CollectionIndexes.of("tickets",
                new Index().on("unitId", Direction.ASC).on("resolveBy", Direction.ASC).on("receivedAt", Direction.ASC)
                        .named("unit_resolve_by"),
                // a unit's open tickets by deadline without reading its closed history
                new Index().on("unitId", Direction.ASC).on("status", Direction.ASC).on("resolveBy", Direction.ASC)
                        .on("receivedAt", Direction.ASC).named("unit_status_resolve_by"),
                new Index().on("resolveBy", Direction.ASC).on("receivedAt", Direction.ASC).named("resolve_by"),
                new Index().on("status", Direction.ASC).on("receivedAt", Direction.ASC).named("status_received_at"),
                new Index().on("status", Direction.ASC).on("acceptRemindAt", Direction.ASC)
                        .named("status_accept_remind_at"),
                new Index().on("status", Direction.ASC).on("acceptBy", Direction.ASC).named("status_accept_by"),
                new Index().on("status", Direction.ASC).on("resolveRemindAt", Direction.ASC)
                        .named("status_resolve_remind_at"),
                new Index().on("status", Direction.ASC).on("resolveBy", Direction.ASC).on("receivedAt", Direction.ASC)
                        .named("status_resolve_by_received_at"),
                // the tickets about to breach, for the desk's list and the gauge: the deadline that runs by status
                new Index().on("status", Direction.ASC).on("acceptWarnAt", Direction.ASC)
                        .named("status_accept_warn_at"),
                new Index().on("status", Direction.ASC).on("resolveWarnAt", Direction.ASC)
                        .named("status_resolve_warn_at"),
                new Index().on("status", Direction.ASC).on("feedbackDueAt", Direction.ASC)
                        .named("status_feedback_due_at"),
                new Index().on("receivedAt", Direction.DESC).named("received_at"),
                // the centre's queue of returns to review, oldest first: only tickets in review have the field
                new Index().on("status", Direction.ASC).on("reviewSince", Direction.ASC).on("_id", Direction.ASC)
                        .named("status_review_since"),
                // the centre's queue of requests for more time, oldest first: few tickets have one waiting, and
                // only those have the field
                new Index().on("extensionWaitingSince", Direction.ASC).sparse().named("extension_waiting_since"),
                // a supporting unit's parts (协办) of the tickets still worked, oldest first
                new Index().on("parts.unitId", Direction.ASC).on("status", Direction.ASC)
                        .on("receivedAt", Direction.ASC).named("parts_unit_status_received_at"),
                // the centre's queue of parts overdue: only tickets with an open part have the field
                new Index().on("partsDueBy", Direction.ASC).sparse().named("parts_due_by"),
                // the done list: resolved and closed tickets, most recently resolved first, all or one unit's
                new Index().on("status", Direction.ASC).on("resolvedAt", Direction.DESC).named("status_resolved_at"),
                new Index().on("unitId", Direction.ASC).on("status", Direction.ASC).on("resolvedAt", Direction.DESC)
                        .named("unit_status_resolved_at"),
                // the desk's search: by ticket number, and a caller's tickets by the keyed hash of the number
                new Index().on("ticketNumber", Direction.ASC).named("ticket_number"),
                new Index().on("caller.phoneHash", Direction.ASC).on("receivedAt", Direction.DESC).sparse()
                        .named("caller_phone_hash_received_at"),
                // the tickets that joined one: few tickets are linked, so only those are indexed
                new Index().on("repeatOf", Direction.ASC).sparse().named("repeat_of"),
                new Index().on("parentIncidentId", Direction.ASC).sparse().named("parent_incident_id"));
    }
}
