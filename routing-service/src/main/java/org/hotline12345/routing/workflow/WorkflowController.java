package org.hotline12345.routing.workflow;

import jakarta.validation.Valid;
import org.hotline12345.routing.assignment.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The unit's workflow and the supervisor's dispatch. The unit always comes from the token: a ticket another unit
 * holds is 404 for every action.
 */
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}")
class WorkflowController {

    private final TicketWork work;

    WorkflowController(TicketWork work) {
        this.work = work;
    }

    @PostMapping("/accept")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER')")
    Mono<TicketView> accept(@PathVariable String ticketId) {
        return work.accept(ticketId);
    }

    /** A return answers with what was returned, not the ticket: once placed again it is another unit's. */
    @PostMapping("/reject")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER')")
    Mono<WorkflowRequests.Returned> reject(@PathVariable String ticketId,
            @Valid @RequestBody WorkflowRequests.Reject request) {
        return work.reject(ticketId, request);
    }

    /**
     * More time (延期): a unit's request within the city's allowance moves the deadline at once, one beyond it waits
     * for the centre ({@code extensionHistory} says which); a supervisor moves the deadline.
     */
    @PostMapping("/extend")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER', 'SUPERVISOR')")
    Mono<TicketView> extend(@PathVariable String ticketId, @Valid @RequestBody WorkflowRequests.Extend request) {
        return work.extend(ticketId, request);
    }

    @PostMapping("/progress")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER')")
    Mono<TicketView> progress(@PathVariable String ticketId,
            @Valid @RequestBody WorkflowRequests.Progress request) {
        return work.progress(ticketId, request);
    }

    @PostMapping("/resolve")
    @PreAuthorize("hasAnyRole('UNIT', 'GRID_WORKER')")
    Mono<TicketView> resolve(@PathVariable String ticketId, @Valid @RequestBody WorkflowRequests.Resolve request) {
        return work.resolve(ticketId, request);
    }

    @PostMapping("/assign")
    @PreAuthorize("hasRole('SUPERVISOR')")
    Mono<TicketView> assign(@PathVariable String ticketId, @Valid @RequestBody WorkflowRequests.Assign request) {
        return work.assign(ticketId, request);
    }
}
