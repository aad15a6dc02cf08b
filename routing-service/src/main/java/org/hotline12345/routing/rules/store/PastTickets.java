package org.hotline12345.routing.rules.store;

import java.time.Instant;
import org.hotline12345.routing.rules.RoutingInput;
import reactor.core.publisher.Flux;

/** The tickets the rules routed before, newest first: what a dry run replays through a proposed rule set. */
public interface PastTickets {

    /** Up to {@code limit} routed tickets, received in [{@code from}, {@code to}) when {@code from} is given. */
    Flux<PastTicket> recent(int limit, Instant from, Instant to);

    /** What a replay needs of a past ticket: what the rules read, and what names it in the report. */
    record PastTicket(String ticketId, String ticketNumber, String category, String gridId, RoutingInput input) {
    }
}
