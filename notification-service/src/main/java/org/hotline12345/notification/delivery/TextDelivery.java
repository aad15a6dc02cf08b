package org.hotline12345.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline12345.notification.gateway.SmsGateway;
import org.hotline12345.platform.leases.DocumentLease;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.pii.ContactSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends one pending text through the gateway. Success marks it sent with its NotificationSent in one write; a
 * failure keeps it pending with a later attempt time (doubling, with jitter) instead of holding a Kafka consumer;
 * the last failure marks it failed with NotificationFailed. A citizen who opted out in the meantime gets nothing.
 */
@Component
public class TextDelivery {

    private static final Logger log = LoggerFactory.getLogger(TextDelivery.class);
    /** Longer than a send can take with the gateway's attempts and timeouts, so a claim never lapses mid-send. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;
    private final SmsGateway gateway;
    private final ContactSealer sealer;
    private final OptOuts optOuts;
    private final OutboxRelay relay;
    private final NotificationProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DocumentLease lease;

    TextDelivery(ReactiveMongoTemplate mongo, SmsGateway gateway, ContactSealer sealer, OptOuts optOuts,
            OutboxRelay relay, NotificationProperties settings, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.gateway = gateway;
        this.sealer = sealer;
        this.optOuts = optOuts;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
        this.lease = new DocumentLease(mongo, clock, "leaseUntil", LEASE);
    }

    /**
     * Claims the text {@code id} if it is due and nobody holds it, and sends it; completes empty when it was not
     * due or another consumer or sweep holds it. Every send goes through a claim, so an event delivered twice, a
     * sweep and a consumer, or two instances never send one text twice.
     */
    public Mono<Notification> claimAndDeliver(String id) {
        return claim(Criteria.where("_id").is(id)).flatMap(this::deliver);
    }

    /** Claims the next due text nobody holds; completes empty when none is due. */
    Mono<Notification> claimNext() {
        return claim(new Criteria());
    }

    private Mono<Notification> claim(Criteria which) {
        Instant now = clock.instant();
        return lease.claim(which.and("status").is("PENDING").and("notBefore").lte(now).and("nextAttemptAt").lte(now),
                new Update().inc("version", 1).inc("claims", 1), Notification.class);
    }

    /** Tries to send a text this instance has claimed; completes when its new state is stored. */
    Mono<Notification> deliver(Notification notification) {
        return mongo.findById(notification.getTicketId(), CitizenContactRecord.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no contact for ticket "
                        + notification.getTicketId())))
                .flatMap(contact -> optOuts.optedOut(contact.phoneHash()).flatMap(optedOut -> {
                    if (optedOut) {
                        notification.suppress("OPTED_OUT");
                        return mongo.save(notification);
                    }
                    return send(notification, contact);
                }))
                .flatMap(saved -> relay.flush(Notification.class, saved.getId()).thenReturn(saved));
    }

    private Mono<Notification> send(Notification notification, CitizenContactRecord contact) {
        SmsGateway.OutgoingText outgoing = new SmsGateway.OutgoingText(notification.getId(), contact.ticketId(),
                sealer.open(contact.sealedPhone()), contact.maskedPhone(), notification.getText(),
                notification.getLanguage(), notification.getSegments(), notification.getClaims() > 1,
                notification.getTrigger(), notification.getValues() == null ? Map.of() : notification.getValues());
        // a text the gateway took is recorded as sent or not at all: if that write fails, the lease runs out and
        // the next claim asks the provider before sending, instead of counting a sent text as a failed attempt
        return gateway.send(outgoing)
                .map(messageId -> {
                    notification.sent(messageId, clock.instant());
                    log.info("Texted {} about ticket {} ({})", contact.maskedPhone(), contact.ticketNumber(),
                            notification.getTrigger());
                    return notification;
                })
                .onErrorResume(SmsGateway.TextRefused.class, refused -> {
                    notification.refused(refused.getMessage(), clock.instant());
                    log.warn("The provider will not text {} about ticket {}: {}", contact.maskedPhone(),
                            contact.ticketNumber(), refused.getMessage());
                    return Mono.just(notification);
                })
                .onErrorResume(e -> {
                    Instant now = clock.instant();
                    notification.attemptFailed(String.valueOf(e.getMessage()), now,
                            backoff(notification.getAttempts() + 1), settings.maxAttempts());
                    log.warn("Could not text {} about ticket {} (attempt {}): {}", contact.maskedPhone(),
                            contact.ticketNumber(), notification.getAttempts(), e.getMessage());
                    return Mono.just(notification);
                })
                .flatMap(mongo::save)
                .doOnNext(this::count);
    }

    /** Counts what a send attempt, once stored, came to: sent, failed for good, or one attempt failed. */
    private void count(Notification stored) {
        switch (stored.getStatus()) {
            case "SENT" -> meters.counter("hotline.texts.sent", "gateway", settings.gateway(), "trigger",
                    stored.getTrigger()).increment();
            case "FAILED" -> meters.counter("hotline.texts.failed", "gateway", settings.gateway(), "trigger",
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
}
