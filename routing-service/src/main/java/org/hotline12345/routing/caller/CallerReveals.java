package org.hotline12345.routing.caller;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.platform.security.Roles;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.TicketAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens a caller's sealed number for the one who asks, within their reach like any other read of the ticket, and
 * records who asked and when before answering: a number is never revealed without a trace. Nothing of the number
 * is logged, stored again or published.
 */
@Service
class CallerReveals {

    private static final Logger log = LoggerFactory.getLogger(CallerReveals.class);
    /** More reveals of one ticket than this say nothing more to the supervisor reading them. */
    private static final int SHOWN = 200;

    private final ReactiveMongoTemplate mongo;
    private final TicketAccess access;
    private final CurrentCaller caller;
    private final ContactSealer sealer;
    private final MeterRegistry meters;
    private final Clock clock;

    CallerReveals(ReactiveMongoTemplate mongo, TicketAccess access, CurrentCaller caller, ContactSealer sealer,
            MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.caller = caller;
        this.sealer = sealer;
        this.meters = meters;
        this.clock = clock;
    }

    /** The caller's number and name, once the reveal is recorded; 409 when the caller cannot be called back. */
    Mono<Revealed> reveal(String ticketId) {
        return access.load(ticketId).flatMap(ticket -> actor().flatMap(actor -> {
                RoutedTicket.CallerContact contact = ticket.callerToCallBack(Roles.SUPERVISOR.equals(actor.role()));
                Instant now = clock.instant();
                Revealed revealed = new Revealed(
                        sealer.open(contact.sealedPhone(), ticket.getId(), ContactSealer.Field.PHONE),
                        sealer.open(contact.sealedName(), ticket.getId(), ContactSealer.Field.NAME), now);
                return mongo.insert(new CallerReveal(null, ticket.getId(), actor.subject(), actor.name(),
                                actor.unitId(), actor.role(), now))
                        .doOnSuccess(recorded -> {
                            meters.counter("hotline.caller.reveals", "role", actor.role()).increment();
                            log.info("Caller of ticket {} revealed to {} ({})", ticket.getTicketNumber(),
                                    actor.subject(), actor.role());
                        })
                        .thenReturn(revealed);
            }));
    }

    /** Every reveal of the ticket's caller, newest first. */
    Flux<CallerReveal.View> of(String ticketId) {
        return access.load(ticketId).flatMapMany(ticket -> mongo.find(Query.query(Criteria.where("ticketId")
                        .is(ticket.getId())).with(Sort.by(Sort.Direction.DESC, "at")).limit(SHOWN),
                CallerReveal.class)).map(CallerReveal::view);
    }

    /** Who asks: a supervisor for the centre, anyone else for the unit (or grid) they hold tickets as. */
    private Mono<Actor> actor() {
        return Mono.zip(access.isSupervisor(), caller.subject(), hasRole(Roles.UNIT), caller.displayName())
                .flatMap(who -> {
                    String subject = who.getT2();
                    String name = who.getT4();
                    return who.getT1() ? Mono.just(new Actor(subject, name, null, Roles.SUPERVISOR))
                            : caller.unit().map(unit -> new Actor(subject, name, unit,
                                    who.getT3() ? Roles.UNIT : Roles.GRID_WORKER));
                });
    }

    private static Mono<Boolean> hasRole(String role) {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication().getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)))
                .defaultIfEmpty(false);
    }

    /** The caller's number in E.164 and name as they gave them ({@code name} may be null), and when they were read. */
    record Revealed(String phone, String name, Instant revealedAt) {
    }

    private record Actor(String subject, String name, String unitId, String role) {
    }
}
