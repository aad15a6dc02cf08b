package org.hotline12345.notification.delivery;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.notification.gateway.SmsGateway;
import org.hotline12345.notification.texts.TextTemplates;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.referencedata.SampleCity;
import org.hotline12345.referencedata.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Texts citizens when their ticket is registered, dispatched, extended, resolved, reopened and closed. Each text
 * is stored before it is sent and marked sent with its NotificationSent in one write, so a redelivered event never
 * sends a second text.
 */
@Service
public class CitizenTexts {

    private static final Logger log = LoggerFactory.getLogger(CitizenTexts.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ReactiveMongoTemplate mongo;
    private final SmsGateway gateway;
    private final ContactSealer sealer;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TextTemplates templates = new TextTemplates(SampleCity.smsTemplates());
    private final SampleCity city = SampleCity.load();

    CitizenTexts(ReactiveMongoTemplate mongo, SmsGateway gateway, ContactSealer sealer, OutboxRelay relay,
            Clock clock) {
        this.mongo = mongo;
        this.gateway = gateway;
        this.sealer = sealer;
        this.relay = relay;
        this.clock = clock;
    }

    /** Keeps how to reach the caller, then texts them their ticket number. */
    public Mono<Void> onReceived(TicketReceived received) {
        CitizenContactRecord contact = new CitizenContactRecord(received.ticketId(), received.ticketNumber(),
                received.citizen().sealedPhone(), received.citizen().phoneHash(), received.citizen().maskedPhone(),
                received.citizen().language(), received.citizen().contactAllowed(), received.occurredAt());
        return mongo.insert(contact)
                .onErrorResume(DuplicateKeyException.class, known -> Mono.just(contact))
                .then(received.resolvedOnCall() ? Mono.empty()
                        : text(contact, received.type(), received.eventId(), Map.of()));
    }

    /** Texts the citizen about a lifecycle event that has a template. */
    public Mono<Void> onLifecycle(TicketLifecycleEvent event) {
        if (!templates.textsOn(event.type())
                || event instanceof TicketClosed closed && "RESOLVED_AT_INTAKE".equals(closed.reason())) {
            return Mono.empty();
        }
        return mongo.findById(event.ticketId(), CitizenContactRecord.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "no contact yet for ticket " + event.ticketId() + "; its TicketReceived is still on the way")))
                .flatMap(contact -> text(contact, event.type(), event.eventId(), values(event, contact.language())));
    }

    private Mono<Void> text(CitizenContactRecord contact, String trigger, String eventId,
            Map<String, String> extra) {
        String id = Notification.idFor(contact.ticketId(), eventId);
        return mongo.findById(id, Notification.class)
                .switchIfEmpty(Mono.defer(() -> create(contact, trigger, eventId, extra)))
                .flatMap(notification -> notification.isPending() ? send(notification, contact) : Mono.empty())
                .then(Mono.defer(() -> relay.flush(Notification.class, id)));
    }

    private Mono<Notification> create(CitizenContactRecord contact, String trigger, String eventId,
            Map<String, String> extra) {
        Notification notification;
        if (!contact.reachable()) {
            notification = Notification.suppressed(contact.ticketId(), trigger, eventId, clock.instant());
        } else {
            Map<String, String> values = new HashMap<>(extra);
            values.put("ticketNumber", contact.ticketNumber());
            TextTemplates.Text text = templates.render(trigger, contact.language(), values).orElseThrow();
            notification = Notification.pending(contact.ticketId(), trigger, eventId, text.templateId(),
                    text.language(), text.body(), text.segments(), contact.maskedPhone(), clock.instant());
        }
        return mongo.insert(notification)
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(notification.getId(),
                        Notification.class));
    }

    private Mono<Notification> send(Notification notification, CitizenContactRecord contact) {
        SmsGateway.OutgoingText outgoing = new SmsGateway.OutgoingText(notification.getId(), contact.ticketId(),
                sealer.open(contact.sealedPhone()), contact.maskedPhone(), notification.getText(),
                notification.getLanguage(), notification.getSegments());
        notification.attempted();
        return gateway.send(outgoing)
                .flatMap(messageId -> {
                    notification.sent(messageId, clock.instant());
                    log.info("Texted {} about ticket {} ({})", contact.maskedPhone(), contact.ticketNumber(),
                            notification.getTrigger());
                    return mongo.save(notification);
                })
                .onErrorResume(e -> {
                    notification.failed(e.getMessage());
                    return mongo.save(notification).then(Mono.error(e));
                });
    }

    private Map<String, String> values(TicketLifecycleEvent event, String language) {
        Map<String, String> values = new HashMap<>();
        values.put("unitName", city.unit(event.unitId()).map(u -> u.name(language)).orElse(""));
        if (event instanceof TicketAssigned assigned) {
            values.put("unitName", city.unit(assigned.unitId()).map(u -> u.name(language))
                    .orElse(assigned.unitName()));
            values.put("resolveBy", LOCAL.format(assigned.resolveBy()));
        } else if (event instanceof TicketExtended extended) {
            values.put("resolveBy", LOCAL.format(extended.resolveBy()));
            values.put("reason", extended.reason());
        } else if (event instanceof TicketResolved resolved) {
            values.put("reply", resolved.reply());
        } else if (event instanceof TicketReopened reopened) {
            values.put("resolveBy", LOCAL.format(reopened.resolveBy()));
        }
        return values;
    }
}
