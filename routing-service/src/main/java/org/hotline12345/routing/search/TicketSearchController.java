package org.hotline12345.routing.search;

import org.hotline12345.routing.assignment.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The desk's search over every ticket, closed ones included, for supervisors only: a unit finds its tickets in its
 * own lists. Answers at most {@value TicketSearch#FOUND} tickets; a query it cannot read is a 400 naming why.
 */
@RestController
class TicketSearchController {

    private final TicketSearch search;

    TicketSearchController(TicketSearch search) {
        this.search = search;
    }

    @GetMapping("/api/v1/tickets/search")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Flux<TicketView> search(@RequestParam String q) {
        return Flux.defer(() -> search.find(q));
    }
}
