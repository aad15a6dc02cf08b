package org.hotline12345.routing.assignment;

import java.util.List;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place routing stores tickets and publishes the events they staged: a change is saved under the ticket's
 * version (a concurrent change fails it with an optimistic-locking error the caller handles) and its events are
 * then handed to the relay, which publishes them with whatever else waits and clears them. If the broker does not
 * take them the save stands and the sweep publishes them later; callers that must not go on as if they were out
 * (a consumer) fail, and are tried again.
 */
@Component
public class Tickets {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    Tickets(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Saves a changed ticket and publishes its events; answers it as saved. */
    public Mono<RoutedTicket> save(RoutedTicket ticket) {
        return mongo.save(ticket).flatMap(saved -> relay.flush(RoutedTicket.class, saved).thenReturn(saved));
    }

    /** Publishes what stored tickets still have waiting (an earlier delivery stored them and stopped). */
    Mono<Void> publish(List<RoutedTicket> stored) {
        return relay.flush(RoutedTicket.class, stored);
    }

    /**
     * Inserts new tickets in one write (which also gives each its first version). Another delivery or instance
     * may have stored some of them meanwhile: the write stops at the first such id, and then each ticket is read,
     * or inserted alone if it still is not stored, so that none is lost. Answers the tickets as stored, for
     * {@link #publish(List)}.
     */
    Mono<List<RoutedTicket>> insert(List<RoutedTicket> tickets) {
        if (tickets.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.insertAll(tickets).collectList()
                .onErrorResume(Tickets::onlyRaced, raced -> Flux.fromIterable(tickets)
                        .concatMap(ticket -> mongo.findById(ticket.getId(), RoutedTicket.class)
                                .switchIfEmpty(Mono.defer(() -> mongo.insert(ticket)
                                        .onErrorResume(DuplicateKeyException.class,
                                                again -> mongo.findById(ticket.getId(), RoutedTicket.class)))))
                        .collectList());
    }

    /** Whether an insert of many failed only because tickets with some of its ids were stored already. */
    private static boolean onlyRaced(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.mongodb.MongoBulkWriteException bulk) {
                return bulk.getWriteConcernError() == null && bulk.getWriteErrors().stream()
                        .allMatch(error -> com.mongodb.ErrorCategory.fromErrorCode(error.getCode())
                                == com.mongodb.ErrorCategory.DUPLICATE_KEY);
            }
        }
        return failure instanceof DuplicateKeyException;
    }
}
