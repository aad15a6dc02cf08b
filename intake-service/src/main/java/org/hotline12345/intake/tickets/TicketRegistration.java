package org.hotline12345.intake.tickets;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hotline12345.contracts.Channel;
import org.hotline12345.intake.classify.CategorySuggester;
import org.hotline12345.intake.knowledge.AnsweringArticles;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.security.CurrentCaller;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Registers a call, in named steps: the call normalised and checked ({@link CallNormaliser}); the ticket's id taken
 * from the client's key ({@link IdempotencyKeys}); the repeat and same-incident look-ups ({@link TicketLinks}) and
 * a number ({@link TicketNumbers}) at the same time; the ticket and its TicketReceived ({@link ReceivedEvents})
 * stored in one document, which is the key's claim, and its incident entry, both written with the other
 * registrations waiting at that moment ({@link TicketInserts}); and the event published
 * ({@link TicketPublication}), the receipt given only when that did not abort.
 */
@Service
public class TicketRegistration {

    private final Clock clock;
    private final Validator validator;
    private final CallNormaliser normaliser;
    private final IdempotencyKeys keys;
    private final TicketLinks links;
    private final TicketInserts inserts;
    private final TicketNumbers numbers;
    private final ReceivedEvents events;
    private final TicketPublication publication;
    private final CurrentCaller caller;

    TicketRegistration(Clock clock, Validator validator, City city, CategorySuggester suggester,
            IdempotencyKeys keys, TicketLinks links, TicketNumbers numbers, ReceivedEvents events,
            TicketInserts inserts, TicketPublication publication, AnsweringArticles articles, CurrentCaller caller) {
        this.clock = clock;
        this.validator = validator;
        this.normaliser = new CallNormaliser(city.categories().stream().map(Category::code)
                .collect(Collectors.toSet()), suggester::suggest, articles::answersWith);
        this.keys = keys;
        this.links = links;
        this.inserts = inserts;
        this.numbers = numbers;
        this.events = events;
        this.publication = publication;
        this.caller = caller;
    }

    /** Registers a call once per idempotency key ({@code null} when the client sent none). */
    Mono<TicketReceipt> registerCall(CallRequest call, String idempotencyKey) {
        return register(call, validate(call), idempotencyKey, Channel.PHONE, null, false);
    }

    /**
     * Registers what came in by {@code channel} once per idempotency key: {@code call} is the request in the shape
     * of a call, {@code violations} what bean validation found in the original request. The key names the ticket's
     * id, so requests racing with one key make one ticket (one insert wins), and a retry after a crash finds the
     * ticket the first attempt stored, with its number, or, if none was stored, registers it under the same id. A
     * retry that meets its stored ticket has used a number it gives up: numbers are unique, not gapless.
     * {@code publicationAgreed} is the reporter's consent to the ticket being shown publicly, which only a public
     * channel can give (see {@code PublicationPolicy}).
     */
    public Mono<TicketReceipt> register(CallRequest call, Map<String, FieldError> violations, String idempotencyKey,
            Channel channel, String gridId, boolean publicationAgreed) {
        return register(call, violations, idempotencyKey, channel, gridId, publicationAgreed, null);
    }

    /**
     * As {@link #register(CallRequest, Map, String, Channel, String, boolean)}, joined to {@code joins} (a ticket's
     * id) as another report of its incident when it is no repeat: the citizen chose that report as theirs too, and
     * the caller has checked that they may join it.
     */
    public Mono<TicketReceipt> register(CallRequest call, Map<String, FieldError> violations, String idempotencyKey,
            Channel channel, String gridId, boolean publicationAgreed, String joins) {
        CallNormaliser.NormalisedCall normalised = normaliser.normalise(call, violations, channel, gridId);
        if (idempotencyKey == null) {
            return store(normalised, UUID.randomUUID().toString(), null, publicationAgreed, joins)
                    .flatMap(publication::publishNew);
        }
        String ticketId = keys.ticketIdFor(channel + ":" + idempotencyKey);
        String requestHash = keys.requestHash(call);
        // the ticket's insert claims the key: a request that meets it stored answers from it
        return store(normalised, ticketId, requestHash, publicationAgreed, joins)
                .flatMap(publication::publishNew)
                .onErrorResume(DuplicateKeyException.class, taken -> keys.answerFor(ticketId, requestHash,
                        publication::republish));
    }

    /** What bean validation finds in a request, by field, each with the code of its constraint. */
    public Map<String, FieldError> validate(Object request) {
        return validator.validate(request).stream().map(FieldError::of).collect(Collectors.toMap(
                FieldError::field, error -> error, (a, b) -> a));
    }

    /** The new ticket, linked and numbered, stored with its TicketReceived waiting to be published. */
    private Mono<IntakeTicket> store(CallNormaliser.NormalisedCall call, String ticketId, String requestHash,
            boolean publicationAgreed, String joins) {
        Instant now = clock.instant();
        String phoneHash = events.phoneHash(call);
        Mono<Optional<String>> repeatOf = call.resolvedOnCall() ? Mono.just(Optional.empty())
                : links.repeatOf(phoneHash, call.category(), ticketId, now).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        // looked up at the same time as the repeat check; a repeat call is linked to what it repeats instead
        Mono<Optional<String>> sameIncident = call.resolvedOnCall() ? Mono.just(Optional.empty())
                : joins != null ? Mono.just(Optional.of(joins))
                : links.sameIncident(phoneHash, call.category(), call.location(), now).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        // the operator who took the call, for the 直办 rate of each operator; the other channels have none
        Mono<Optional<String>> operator = call.channel() == Channel.PHONE
                ? caller.subject().map(Optional::of).defaultIfEmpty(Optional.empty()) : Mono.just(Optional.empty());
        return Mono.zip(repeatOf, sameIncident, numbers.next(), operator)
                .map(found -> IntakeTicket.registered(events.of(ticketId, found.getT3(), call,
                                found.getT1().orElse(null),
                                found.getT1().isPresent() ? null : found.getT2().orElse(null), now,
                                found.getT4().orElse(null)),
                        publicationAgreed, requestHash))
                .flatMap(inserts::insert)
                // a ticket perhaps not stored must not stay the original the caller's later calls repeat: they
                // would be linked to nothing and worked by no one (a taken id means the ticket is stored, and stays
                // named); with the database away the entry stays, and is taken over once its claim is old
                .onErrorResume(failed -> !(failed instanceof DuplicateKeyException) && !call.resolvedOnCall(),
                        failed -> links.forget(phoneHash, call.category(), ticketId)
                                .onErrorResume(databaseAway -> Mono.empty())
                                .then(Mono.error(failed)));
    }
}
