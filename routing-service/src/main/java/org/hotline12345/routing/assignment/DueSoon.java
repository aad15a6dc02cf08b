package org.hotline12345.routing.assignment;

import java.time.Instant;
import java.util.stream.Stream;
import org.hotline12345.contracts.Overdue;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The tickets {@link RoutedTicket#dueSoonAt} holds about to breach, as a query: for each deadline {@link Overdue} lets
 * run, the tickets in a status where it runs whose warning of it has started and that have not passed it. Each
 * branch is served by its status-and-warning index ({@code status_accept_warn_at}, {@code status_resolve_warn_at}).
 */
public final class DueSoon {

    private DueSoon() {
    }

    public static Criteria at(Instant now) {
        return new Criteria().orOperator(Stream.of(Overdue.Running.ACCEPT, Overdue.Running.RESOLVE)
                .map(running -> {
                    boolean accept = running == Overdue.Running.ACCEPT;
                    return Criteria.where("status").in(running.statuses().stream().sorted().toList())
                            .and(accept ? "acceptWarnAt" : "resolveWarnAt").lte(now)
                            .and(accept ? "acceptBy" : "resolveBy").gte(now);
                })
                .toList());
    }
}
