package org.hotline12345.intake.tickets;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.hotline12345.platform.problem.IdempotencyKeyReusedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The {@code Idempotency-Key}s of registrations. A key is claimed, with the ticket id it will make, by one insert
 * before anything else happens, so of requests racing with one key exactly one registers. The others wait for that
 * registration's outcome; if its claim grows older than the first attempt could take (its process died), one of
 * them takes the claim over by a conditional write and finishes the registration with the same ticket id.
 */
@Component
class IdempotencyKeys {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration patience;

    IdempotencyKeys(ReactiveMongoTemplate mongo, Clock clock, HotlineProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        // a registration takes at most a producer, a send and a commit, each bounded by max.block.ms, and a few writes
        this.patience = properties.kafka().maxBlock().multipliedBy(3).plusSeconds(2);
    }

    /** Claims the key for {@code claim}'s ticket: true when no request took it before. */
    Mono<Boolean> claim(IdempotencyRecord claim) {
        return mongo.insert(claim).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    /** Gives the key up after its registration was withdrawn, so that a retry registers afresh. */
    Mono<Void> release(IdempotencyRecord claim) {
        return mongo.remove(Query.query(Criteria.where("_id").is(claim.key()).and("ticketId").is(claim.ticketId())),
                IdempotencyRecord.class).then();
    }

    /**
     * The answer for {@code mine}, whose key another request claimed first: that request's receipt once its ticket
     * is published, or what {@code resume} makes of the claim and its ticket (absent if not stored yet) when the
     * claim went stale and this request took it over.
     */
    Mono<TicketReceipt> answerFor(IdempotencyRecord mine,
            BiFunction<IdempotencyRecord, IntakeTicket, Mono<TicketReceipt>> resume) {
        return Mono.defer(() -> mongo.findById(mine.key(), IdempotencyRecord.class))
                .switchIfEmpty(Mono.error(() -> new DependencyUnavailableException("An earlier request with this "
                        + "Idempotency-Key could not be registered; nothing was kept. Try again.")))
                .flatMap(first -> {
                    if (!first.requestHash().equals(mine.requestHash())) {
                        return Mono.error(new IdempotencyKeyReusedException());
                    }
                    return mongo.findById(first.ticketId(), IntakeTicket.class)
                            .flatMap(ticket -> ticket.getOutbox().isEmpty()
                                    ? Mono.just(new Taken(null, null, ticket.receipt()))
                                    : stale(first, ticket))
                            .switchIfEmpty(Mono.defer(() -> stale(first, null)));
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(250))
                        .filter(StillRegistering.class::isInstance))
                .timeout(patience.multipliedBy(2), Mono.error(() -> new DependencyUnavailableException("An earlier "
                        + "request with this Idempotency-Key is still being registered. Try again with the same key.")))
                .flatMap(taken -> taken.receipt() != null ? Mono.just(taken.receipt())
                        : resume.apply(taken.claim(), taken.ticket()));
    }

    /** Takes a claim whose registration outlived {@link #patience} over, or asks to look again. */
    private Mono<Taken> stale(IdempotencyRecord first, IntakeTicket ticket) {
        if (first.createdAt().plus(patience).isAfter(clock.instant())) {
            return Mono.error(new StillRegistering());
        }
        IdempotencyRecord mine = new IdempotencyRecord(first.key(), first.requestHash(), first.ticketId(),
                clock.instant());
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(first.key()).and("createdAt")
                                .is(first.createdAt())), Update.update("createdAt", mine.createdAt()),
                        IdempotencyRecord.class)
                .flatMap(update -> update.getModifiedCount() == 1 ? Mono.just(new Taken(mine, ticket, null))
                        : Mono.error(new StillRegistering()));
    }

    /** Either the finished registration's receipt, or a claim this request took over with its ticket so far. */
    private record Taken(IdempotencyRecord claim, IntakeTicket ticket, TicketReceipt receipt) {
    }

    /** The registration that claimed the key has not finished yet. */
    private static final class StillRegistering extends RuntimeException {

        StillRegistering() {
            super(null, null, false, false);
        }
    }
}
