package org.hotline12345.routing.assignment;

import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.platform.security.Roles;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which tickets the caller may see and act on: a supervisor every ticket, a unit only those it holds. A ticket
 * outside the caller's reach is answered exactly like one that does not exist.
 */
@Component
public class TicketAccess {

    private final ReactiveMongoTemplate mongo;
    private final CurrentCaller caller;

    TicketAccess(ReactiveMongoTemplate mongo, CurrentCaller caller) {
        this.mongo = mongo;
        this.caller = caller;
    }

    public Mono<Boolean> isSupervisor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.SUPERVISOR)))
                .defaultIfEmpty(false);
    }

    /** A criteria that limits a query to the caller's tickets. */
    public Mono<Criteria> scope() {
        return isSupervisor().flatMap(supervisor -> supervisor
                ? Mono.just(new Criteria())
                : caller.unit().map(unit -> Criteria.where("unitId").is(unit)));
    }

    /** The ticket, if the caller may see it; 404 otherwise. */
    public Mono<RoutedTicket> load(String ticketId) {
        return scope().flatMap(criteria -> mongo.findOne(Query.query(criteria.and("_id").is(ticketId)),
                        RoutedTicket.class))
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketId)));
    }

    /** The unit the caller holds tickets as (from the token, never the request); 403 when it names none. */
    public Mono<String> unit() {
        return caller.unit();
    }

    /** Who is acting: the caller's subject. */
    public Mono<String> actor() {
        return caller.subject();
    }
}
