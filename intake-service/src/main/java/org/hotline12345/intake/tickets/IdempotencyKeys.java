package org.hotline12345.intake.tickets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;
import org.hotline12345.platform.HotlineProperties;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.hotline12345.platform.problem.IdempotencyKeyReusedException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key}s of registrations. A key names its ticket: the ticket's id is derived from the key
 * (keyed by the service's hash key, so nobody can work out a ticket's id from a key), so the ticket's own insert
 * is the key's claim. Of requests racing with one key exactly one inserts; the others wait for its ticket to be
 * published and answer with its receipt. A request whose first attempt died (its process, or its connection)
 * registers again under the same id: if the ticket was stored, the retry finds it and publishes what still waits;
 * if not, nothing was kept and the retry registers it. Either way one key makes one ticket with one number.
 */
@Component
class IdempotencyKeys {

    private final ReactiveMongoTemplate mongo;
    private final ContactSealer sealer;
    private final Clock clock;
    private final Duration patience;
    private final JsonMapper json;

    IdempotencyKeys(ReactiveMongoTemplate mongo, ContactSealer sealer, Clock clock, HotlineProperties properties,
            JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
        this.sealer = sealer;
        this.clock = clock;
        // a registration takes at most a producer, a send and a commit, each bounded by max.block.ms, and a few writes
        this.patience = properties.kafka().maxBlock().multipliedBy(3).plusSeconds(2);
    }

    /** The id of the ticket that the key {@code scopedKey} (the channel and the client's key) registers. */
    String ticketIdFor(String scopedKey) {
        return UUID.nameUUIDFromBytes(sealer.hash("idempotency-key|" + scopedKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** What identifies a request's content under its key, so that a key reused for another request is refused. */
    String requestHash(CallRequest call) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(call).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer for a request whose ticket {@code ticketId} another request stored first: that request's receipt
     * once its ticket is published, or what {@code resume} makes of the ticket when its registration stopped
     * before publishing (the ticket is older than a registration can take).
     */
    Mono<TicketReceipt> answerFor(String ticketId, String requestHash,
            Function<IntakeTicket, Mono<TicketReceipt>> resume) {
        return Mono.defer(() -> mongo.findById(ticketId, IntakeTicket.class))
                .switchIfEmpty(Mono.error(() -> new DependencyUnavailableException("An earlier request with this "
                        + "Idempotency-Key could not be registered; nothing was kept. Try again.")))
                .flatMap(ticket -> {
                    if (!requestHash.equals(ticket.getRequestHash())) {
                        return Mono.error(new IdempotencyKeyReusedException());
                    }
                    if (ticket.getOutbox().isEmpty()) {
                        return Mono.just(new Answer(ticket, true));
                    }
                    return ticket.getReceivedAt().plus(patience).isAfter(clock.instant())
                            ? Mono.error(new StillRegistering()) : Mono.just(new Answer(ticket, false));
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(250))
                        .filter(StillRegistering.class::isInstance))
                .timeout(patience.multipliedBy(2), Mono.error(() -> new DependencyUnavailableException("An earlier "
                        + "request with this Idempotency-Key is still being registered. Try again with the same key.")))
                .flatMap(answer -> answer.published() ? Mono.just(answer.ticket().receipt())
                        : resume.apply(answer.ticket()));
    }

    /** The stored ticket, and whether its registration finished (its event is out). */
    private record Answer(IntakeTicket ticket, boolean published) {
    }

    /** The registration that stored the ticket has not finished yet. */
    private static final class StillRegistering extends RuntimeException {

        StillRegistering() {
            super(null, null, false, false);
        }
    }
}
