package org.hotline12345.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.hotline12345.notification.contacts.CitizenContactRecord;
import org.hotline12345.notification.contacts.CitizenContacts;
import org.hotline12345.notification.gateway.SmsGateway;
import org.hotline12345.platform.leases.DocumentLease;
import org.hotline12345.platform.outbox.OutboxDocument;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.pii.ContactSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends pending texts through the gateway, many at a time. A text is sent only by the holder of its lease: texts
 * made due are made already leased to the batch that made them, the others are claimed by the delivery sweep, so
 * an event delivered twice, a sweep and a consumer, or two instances never send one text twice. Success marks it
 * sent with its NotificationSent; a failure keeps it pending with a later attempt time (doubling, with jitter)
 * instead of holding a Kafka consumer; the last failure marks it failed with NotificationFailed. A citizen who
 * opted out in the meantime gets nothing. What became of all the texts of one batch is stored with one write and
 * their events are published with one hand-over to the outbox relay.
 */
@Component
public class TextDelivery {

    private static final Logger log = LoggerFactory.getLogger(TextDelivery.class);
    /** How long a sender holds the texts it claimed or made: long enough for its batch to start every send. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * Longer than one send can take with the gateway's attempts, timeouts and wait for the provider's rate: a send
     * starts only while its lease has at least this long to run, so that a lease never lapses mid-send, however
     * long the batch before it took.
     */
    private static final Duration LONGEST_SEND = Duration.ofMinutes(1);
    private static final String LEASE_HOLDER = "leaseHolder";

    private final ReactiveMongoTemplate mongo;
    private final SmsGateway gateway;
    private final ContactSealer sealer;
    private final CitizenContacts contacts;
    private final OutboxRelay relay;
    private final NotificationProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DocumentLease lease;

    TextDelivery(ReactiveMongoTemplate mongo, SmsGateway gateway, ContactSealer sealer, CitizenContacts contacts,
            OutboxRelay relay, NotificationProperties settings, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.gateway = gateway;
        this.sealer = sealer;
        this.contacts = contacts;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
        this.lease = new DocumentLease(mongo, clock, "leaseUntil", LEASE);
    }

    /**
     * Claims up to {@code most} due texts nobody holds and tries to send them; completes with how many it claimed
     * (none when nothing is due). Reads their contacts and opt-outs with one query each.
     */
    Mono<Integer> sendDue(int most) {
        Instant now = clock.instant();
        Criteria due = Criteria.where("status").is(Notification.Status.PENDING.name()).and("notBefore").lte(now).and("nextAttemptAt").lte(now);
        return lease.claimAll(due, LEASE_HOLDER, most, Notification.class).flatMap(claimed -> claimed.isEmpty()
                ? Mono.just(0)
                : countClaims(claimed).then(contacts.ofTickets(claimed.stream().map(Notification::getTicketId)
                                .toList()))
                        .flatMap(found -> contacts.optedOutAmong(found.values().stream()
                                        .map(CitizenContactRecord::phoneHash).toList())
                                .flatMap(optedOut -> deliver(inOrderMade(claimed), found, optedOut)))
                        .thenReturn(claimed.size()));
    }

    /**
     * Tries to send {@code held}, texts this instance holds the lease of, to the contacts of their tickets in
     * {@code contacts}, except to the numbers in {@code optedOut}; completes when what became of them is stored
     * and their events are handed to the relay.
     */
    Mono<Void> deliver(List<Notification> held, Map<String, CitizenContactRecord> contacts, Set<String> optedOut) {
        if (held.isEmpty()) {
            return Mono.empty();
        }
        Map<String, List<Notification>> byTicket = held.stream().collect(Collectors.groupingBy(
                Notification::getTicketId, LinkedHashMap::new, Collectors.toList()));
        return Flux.fromIterable(byTicket.values())
                .flatMap(texts -> Flux.fromIterable(texts)
                        .concatMap(text -> attempt(text, contacts.get(text.getTicketId()), optedOut)),
                        settings.sendsInFlight())
                .collectList()
                .flatMap(this::store);
    }

    /** A ticket's texts go out in the order they were made. */
    private static List<Notification> inOrderMade(List<Notification> texts) {
        return texts.stream().sorted(Comparator.comparing(Notification::getCreatedAt)).toList();
    }

    /** The claim of each text counted before it is sent: above one, the gateway asks the provider first. */
    private Mono<Void> countClaims(List<Notification> claimed) {
        claimed.forEach(Notification::claimedAgain);
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(claimed.stream().map(Notification::getId)
                        .toList()).and(LEASE_HOLDER).is(claimed.get(0).getLeaseHolder())),
                new Update().inc("claims", 1), Notification.class).then();
    }

    /** One text's attempt: sent, refused, failed, suppressed, or not started. */
    private Mono<Attempt> attempt(Notification text, CitizenContactRecord contact, Set<String> optedOut) {
        String holder = text.getLeaseHolder();
        if (contact == null) {
            // its lease runs out and a later sweep tries again: the contact is written before any text of it
            log.warn("No contact for ticket {}; text {} waits", text.getTicketId(), text.getId());
            return Mono.just(new Attempt(text, holder, Attempt.Kind.LEFT));
        }
        if (clock.instant().plus(LONGEST_SEND).isAfter(text.getLeaseUntil())) {
            return Mono.just(new Attempt(text, holder, Attempt.Kind.NOT_STARTED));
        }
        if (optedOut.contains(contact.phoneHash())) {
            text.suppress("OPTED_OUT");
            return Mono.just(new Attempt(text, holder, Attempt.Kind.DECIDED));
        }
        return send(text, contact).map(sent -> new Attempt(sent, holder, Attempt.Kind.SENT_OR_TRIED));
    }

    private Mono<Notification> send(Notification notification, CitizenContactRecord contact) {
        SmsGateway.OutgoingText outgoing = new SmsGateway.OutgoingText(notification.getId(), contact.ticketId(),
                sealer.open(contact.sealedPhone(), contact.ticketId(), ContactSealer.Field.PHONE),
                contact.maskedPhone(), notification.getText(),
                notification.getLanguage(), notification.getSegments(), notification.getClaims() > 1,
                notification.getTrigger(), notification.getValues() == null ? Map.of() : notification.getValues());
        // a text the gateway took is recorded as sent or not at all: if that write fails, the lease runs out and
        // the next claim asks the provider before sending, instead of counting a sent text as a failed attempt
        return gateway.send(outgoing)
                .map(messageId -> {
                    notification.sent(messageId, clock.instant());
                    log.debug("Texted {} about ticket {} ({})", StaffTexts.forLogs(contact.maskedPhone()),
                            contact.ticketNumber(), notification.getTrigger());
                    return notification;
                })
                .onErrorResume(SmsGateway.TextRefused.class, refused -> {
                    notification.refused(refused.getMessage(), clock.instant());
                    log.warn("The provider will not text {} about ticket {}: {}",
                            StaffTexts.forLogs(contact.maskedPhone()),
                            contact.ticketNumber(), refused.getMessage());
                    return Mono.just(notification);
                })
                .onErrorResume(e -> {
                    Instant now = clock.instant();
                    notification.attemptFailed(String.valueOf(e.getMessage()), now,
                            backoff(notification.getAttempts() + 1), settings.maxAttempts());
                    log.warn("Could not text {} about ticket {} (attempt {}): {}",
                            StaffTexts.forLogs(contact.maskedPhone()),
                            contact.ticketNumber(), notification.getAttempts(), e.getMessage());
                    return Mono.just(notification);
                });
    }

    /**
     * Stores what became of the texts with one write, each only while its sender still holds it, and hands their
     * events to the relay in one go. Should another sender have taken a text over (a lease that lapsed), the outbox
     * sweep publishes what was stored instead, so that no event goes out for an outcome that was not.
     */
    private Mono<Void> store(List<Attempt> attempts) {
        List<Attempt> writes = attempts.stream().filter(attempt -> attempt.kind() != Attempt.Kind.LEFT).toList();
        if (writes.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Notification.class);
        writes.forEach(attempt -> bulk.updateOne(Query.query(Criteria.where("_id").is(attempt.text().getId())
                .and(LEASE_HOLDER).is(attempt.holder())), attempt.kind() == Attempt.Kind.NOT_STARTED
                        ? new Update().unset("leaseUntil").unset(LEASE_HOLDER).inc("claims", -1)
                        : outcome(attempt.text())));
        List<Notification> decided = writes.stream().filter(attempt -> attempt.kind() != Attempt.Kind.NOT_STARTED)
                .map(Attempt::text).toList();
        return bulk.execute().flatMap(result -> {
            writes.stream().filter(attempt -> attempt.kind() == Attempt.Kind.SENT_OR_TRIED)
                    .forEach(attempt -> count(attempt.text()));
            if (result.getMatchedCount() < writes.size()) {
                log.warn("{} of {} texts were taken over by another sender before their outcome was stored",
                        writes.size() - result.getMatchedCount(), writes.size());
                return Mono.empty();
            }
            return relay.flush(Notification.class, decided);
        });
    }

    /** A text's new state as one guarded update, with the events it staged. */
    private static Update outcome(Notification text) {
        Update update = new Update().set("status", text.getStatus().name()).set("attempts", text.getAttempts())
                .unset("leaseUntil").unset(LEASE_HOLDER).inc("version", 1)
                .set(OutboxDocument.OUTBOX, text.getOutbox());
        setOrUnset(update, "lastError", text.getLastError());
        setOrUnset(update, "suppressedBecause", text.getSuppressedBecause());
        setOrUnset(update, "gatewayMessageId", text.getGatewayMessageId());
        setOrUnset(update, "sentAt", text.getSentAt());
        setOrUnset(update, "nextAttemptAt", text.getNextAttemptAt());
        setOrUnset(update, OutboxDocument.OUTBOX_SINCE, text.getOutboxSince());
        return update;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    /** Counts what a send attempt, once stored, came to: sent, failed for good, or one attempt failed. */
    private void count(Notification stored) {
        switch (stored.getStatus()) {
            case SENT -> meters.counter("hotline.texts.sent", "gateway", settings.gateway(), "trigger",
                    stored.getTrigger()).increment();
            case FAILED -> meters.counter("hotline.texts.failed", "gateway", settings.gateway(), "trigger",
                    stored.getTrigger()).increment();
            default -> meters.counter("hotline.texts.attempts.failed", "gateway", settings.gateway()).increment();
        }
    }

    /** Exponential back-off with full jitter between the first and the longest wait. */
    Duration backoff(int attempt) {
        long first = settings.firstRetry().toMillis();
        long ceiling = Math.min(settings.maxRetry().toMillis(), first << Math.min(attempt - 1, 20));
        return Duration.ofMillis(first + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - first + 1)));
    }

    /**
     * What one text came to, and who held it when it started. {@code LEFT}: nothing to store, its lease runs out;
     * {@code NOT_STARTED}: its lease had too little time left, so it is given back untried; {@code DECIDED}: not
     * sent, for good; {@code SENT_OR_TRIED}: the gateway was asked.
     */
    private record Attempt(Notification text, String holder, Kind kind) {

        enum Kind {
            LEFT, NOT_STARTED, DECIDED, SENT_OR_TRIED
        }
    }
}
