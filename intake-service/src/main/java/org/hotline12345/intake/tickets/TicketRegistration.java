package org.hotline12345.intake.tickets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import jakarta.validation.Validator;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hotline12345.contracts.Address;
import org.hotline12345.contracts.Channel;
import org.hotline12345.contracts.CitizenContact;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.GeoPoint;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.intake.classify.CategorySuggester;
import org.hotline12345.intake.normalise.Gazetteer;
import org.hotline12345.platform.messaging.Delivery;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.hotline12345.platform.problem.FieldError;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.hotline12345.referencedata.Category;
import org.hotline12345.referencedata.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers a call: the ticket and its TicketReceived are stored in one document write, the event is published in
 * a Kafka transaction, and only when that did not abort is the receipt given. When it aborted (the broker away or
 * not answering within the producer's bounds) the ticket is removed again and the caller gets 503: nobody
 * downstream saw it, since every consumer reads committed records only.
 */
@Service
public class TicketRegistration {

    private static final Logger log = LoggerFactory.getLogger(TicketRegistration.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final TicketNumbers numbers;
    private final ContactSealer sealer;
    private final JsonMapper json;
    private final Clock clock;
    private final CallNormaliser normaliser;
    private final Gazetteer gazetteer;
    private final Validator validator;
    private final TicketLinks links;
    private final IdempotencyKeys keys;

    TicketRegistration(ReactiveMongoTemplate mongo, OutboxRelay relay, TicketNumbers numbers, ContactSealer sealer,
            JsonMapper json, Clock clock, Validator validator, TicketLinks links, CategorySuggester suggester,
            IdempotencyKeys keys, City city, Gazetteer gazetteer) {
        this.keys = keys;
        this.links = links;
        this.validator = validator;
        this.mongo = mongo;
        this.relay = relay;
        this.numbers = numbers;
        this.sealer = sealer;
        this.json = json;
        this.clock = clock;
        this.normaliser = new CallNormaliser(city.categories().stream().map(Category::code)
                .collect(Collectors.toSet()), suggester::suggest);
        this.gazetteer = gazetteer;
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
        CallNormaliser.NormalisedCall normalised = normaliser.normalise(call, violations, channel, gridId);
        if (idempotencyKey == null) {
            return register(normalised, UUID.randomUUID().toString(), null, publicationAgreed);
        }
        String ticketId = keys.ticketIdFor(channel + ":" + idempotencyKey);
        String requestHash = requestHash(call);
        // the ticket's insert claims the key: a request that meets it stored answers from it
        return register(normalised, ticketId, requestHash, publicationAgreed)
                .onErrorResume(DuplicateKeyException.class, taken -> keys.answerFor(ticketId, requestHash,
                        this::republish));
    }

    /** What bean validation finds in a request, by field, each with the code of its constraint. */
    public Map<String, FieldError> validate(Object request) {
        return validator.validate(request).stream().map(FieldError::of).collect(Collectors.toMap(
                FieldError::field, error -> error, (a, b) -> a));
    }

    Mono<TicketView> view(String ticketId) {
        return mongo.findById(ticketId, IntakeTicket.class)
                .flatMap(ticket -> {
                    String joined = ticket.getRepeatOf() != null ? ticket.getRepeatOf() : ticket.getParentIncidentId();
                    return joined == null ? Mono.just(TicketView.of(ticket, null))
                            : mongo.findById(joined, IntakeTicket.class).map(parent -> TicketView.of(ticket, parent))
                                    .defaultIfEmpty(TicketView.of(ticket, null));
                })
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketId)));
    }

    private Mono<TicketReceipt> register(CallNormaliser.NormalisedCall call, String ticketId, String requestHash,
            boolean publicationAgreed) {
        Instant now = clock.instant();
        String phoneHash = call.phoneE164() == null ? null : sealer.hash(call.phoneE164());
        Mono<Optional<String>> repeatOf = call.resolvedOnCall() ? Mono.just(Optional.empty())
                : links.repeatOf(phoneHash, call.category(), ticketId, now).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        // looked up at the same time as the repeat check; a repeat call is linked to what it repeats instead
        Mono<Optional<String>> sameIncident = call.resolvedOnCall() ? Mono.just(Optional.empty())
                : links.sameIncident(phoneHash, call.category(), call.location(), now).map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        return Mono.zip(repeatOf, sameIncident, numbers.next())
                .map(found -> Tuples.of(found.getT1().isPresent() ? new Links(found.getT1().get(), null)
                        : new Links(null, found.getT2().orElse(null)), found.getT3()))
                .map(linked -> IntakeTicket.registered(received(ticketId, linked.getT2(), call, linked.getT1(), now),
                        publicationAgreed, requestHash))
                .flatMap(mongo::insert)
                .flatMap(ticket -> links.opened(ticket).thenReturn(ticket))
                .flatMap(this::publish);
    }

    /**
     * Publishes the new ticket's TicketReceived in a Kafka transaction (with whatever other registrations wait at
     * that moment). Committed, or committed as far as anyone can tell (the sweep publishes it again if not), the
     * receipt is given; aborted, nobody saw it, so the ticket, and with it the key's claim, is removed and the
     * operator gets 503.
     */
    private Mono<TicketReceipt> publish(IntakeTicket ticket) {
        return publish(ticket, Mono.defer(() -> withdraw(ticket)).then(Mono.error(
                new DependencyUnavailableException("The event broker did not take the ticket; nothing was registered. "
                        + "Try again."))));
    }

    /**
     * Publishes a ticket whose registration died before its event was published. Its first request may have been
     * answered (when its commit's outcome was unknown), so the ticket is kept whatever happens here; the sweep
     * publishes it if this attempt cannot.
     */
    private Mono<TicketReceipt> republish(IntakeTicket ticket) {
        return publish(ticket, Mono.error(new DependencyUnavailableException("The ticket of an earlier request "
                + "with this Idempotency-Key is not published yet. Try again with the same key.")));
    }

    private Mono<TicketReceipt> publish(IntakeTicket ticket, Mono<TicketReceipt> whenAborted) {
        return relay.publish(IntakeTicket.class, ticket).flatMap(delivery ->
                delivery == Delivery.ABORTED ? whenAborted : Mono.just(ticket.receipt()));
    }

    private Mono<Void> withdraw(IntakeTicket ticket) {
        log.warn("Withdrawing ticket {}: its TicketReceived was not published", ticket.getId());
        return links.settled(ticket).then(mongo.remove(ticket)).then();
    }

    private TicketReceived received(String ticketId, String number, CallNormaliser.NormalisedCall call, Links links,
            Instant now) {
        CitizenContact contact = call.phoneE164() == null
                ? new CitizenContact(null, null, null, null, call.language(), false)
                : new CitizenContact(sealer.seal(call.phoneE164()), sealer.hash(call.phoneE164()),
                        ContactSealer.mask(call.phoneE164()), sealer.seal(call.name()), call.language(),
                        call.contactAllowed());
        GeoPoint point = call.location() == null ? null
                : new GeoPoint(call.location().lat(), call.location().lon());
        Address address = call.address() == null ? null : gazetteer.locate(call.address())
                .map(place -> new Address(call.address(), place.district(), place.street()))
                .orElse(new Address(call.address(), null, null));
        return new TicketReceived(EventIds.of(ticketId, "TicketReceived", 1), now, ticketId, number,
                call.channel(), call.category(), call.urgency(), call.description(), point, address, contact,
                call.resolvedOnCall(), call.answerGiven(), links.repeatOf(), links.parentIncidentId(),
                call.suggestion());
    }

    /** What a new ticket is linked to: the open ticket it repeats, or the incident it is another report of. */
    private record Links(String repeatOf, String parentIncidentId) {
    }

    /** What identifies a request's content under its key, so that a key reused for another request is refused. */
    String requestHash(CallRequest call) {
        return sha256(json.writeValueAsString(call));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
