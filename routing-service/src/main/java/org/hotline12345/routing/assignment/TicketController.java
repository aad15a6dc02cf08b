package org.hotline12345.routing.assignment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.platform.security.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tickets as units and supervisors read them. A unit sees only the tickets it holds: any other id is 404,
 * exactly as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Validated
class TicketController {

    private final ReactiveMongoTemplate mongo;
    private final CurrentCaller caller;

    TicketController(ReactiveMongoTemplate mongo, CurrentCaller caller) {
        this.mongo = mongo;
        this.caller = caller;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('UNIT', 'SUPERVISOR')")
    Flux<TicketView> list(@RequestParam(required = false) @Pattern(regexp = "[A-Z_]+") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return scope().flatMapMany(criteria -> {
            if (status != null) {
                criteria.and("status").is(status);
            }
            Query query = Query.query(criteria).with(Sort.by("resolveBy", "receivedAt")).skip((long) page * size)
                    .limit(size);
            return mongo.find(query, RoutedTicket.class);
        }).map(TicketView::of);
    }

    @GetMapping("/{ticketId}")
    @PreAuthorize("hasAnyRole('UNIT', 'SUPERVISOR')")
    Mono<TicketView> one(@PathVariable String ticketId) {
        return scope().flatMap(criteria -> mongo.findOne(Query.query(criteria.and("_id").is(ticketId)),
                        RoutedTicket.class))
                .map(TicketView::of)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketId)));
    }

    /** Supervisors see every ticket; a unit only those it holds. */
    private Mono<Criteria> scope() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.SUPERVISOR)))
                .flatMap(supervisor -> supervisor
                        ? Mono.just(new Criteria())
                        : caller.unit().map(unit -> Criteria.where("unitId").is(unit)));
    }
}
