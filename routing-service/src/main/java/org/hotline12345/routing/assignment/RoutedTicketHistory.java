package org.hotline12345.routing.assignment;

import java.time.Instant;
import org.hotline12345.routing.city.CityMap;
import org.hotline12345.routing.rules.store.PastTickets;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The routed tickets, newest first, for the rules' dry run; served by the {@code received_at} index. */
@Component
class RoutedTicketHistory implements PastTickets {

    private final ReactiveMongoTemplate mongo;
    private final CityMap city;

    RoutedTicketHistory(ReactiveMongoTemplate mongo, CityMap city) {
        this.mongo = mongo;
        this.city = city;
    }

    @Override
    public Flux<PastTicket> recent(int limit, Instant from, Instant to) {
        Criteria routed = Criteria.where("reason").exists(true);
        if (from != null) {
            routed = routed.and("receivedAt").gte(from).lt(to);
        }
        Query past = Query.query(routed).with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit);
        return mongo.find(past, RoutedTicket.class).map(ticket -> new PastTicket(ticket.getId(),
                ticket.getTicketNumber(), ticket.getCategory(), ticket.getGridId(),
                ticket.routingInput(city.zone(), city.priorityOf(ticket.getCategory()))));
    }
}
