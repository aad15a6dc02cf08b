package org.hotline12345.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
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
import org.hotline12345.contracts.Urgency;
import org.hotline12345.notification.texts.TextTemplates;
import org.hotline12345.notification.verification.PhoneCodes;
import org.hotline12345.platform.messaging.PrerequisiteMissingException;
import org.hotline12345.referencedata.City;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides which texts an event causes and records each as a notification before anything is sent: the ticket
 * number on receipt; the unit and due date on assignment; new dates on extension and reopening; the reply and the
 * satisfaction question on resolution, also to every caller merged into the same incident; and the closing. The
 * notification's id is the ticket and the event, so an event delivered twice never makes a second text.
 */
@Service
public class CitizenTexts {

    /** Texts that answer what the citizen just did (called, replied): they go out even in the quiet hours. */
    private static final java.util.Set<String> ANSWERS_THE_CITIZEN = java.util.Set.of("TicketReceived", "ReplyHelp");
    /**
     * The receipt of a ticket from a public channel: with the one-time code that proves the number, and the only
     * text such a number gets until it is proven.
     */
    static final String PUBLIC_RECEIPT = "PublicReceipt";

    private final ReactiveMongoTemplate mongo;
    private final TextDelivery delivery;
    private final OptOuts optOuts;
    private final Clock clock;
    private final NotificationProperties settings;
    private final QuietHours quietHours;
    private final DateTimeFormatter localTime;
    private final TextTemplates templates;
    private final City city;
    private final PhoneCodes codes;
    private final DailyTexts dailyTexts;
    private final MeterRegistry meters;
    private final AwaitingFeedback awaitingFeedback;

    CitizenTexts(ReactiveMongoTemplate mongo, TextDelivery delivery, OptOuts optOuts, Clock clock,
            NotificationProperties settings, City city, PhoneCodes codes, DailyTexts dailyTexts,
            MeterRegistry meters, AwaitingFeedback awaitingFeedback) {
        this.meters = meters;
        this.awaitingFeedback = awaitingFeedback;
        this.city = city;
        this.templates = new TextTemplates(city.smsTemplates());
        this.codes = codes;
        this.dailyTexts = dailyTexts;
        this.mongo = mongo;
        this.delivery = delivery;
        this.optOuts = optOuts;
        this.clock = clock;
        this.settings = settings;
        this.quietHours = new QuietHours(settings.quietFrom(), settings.quietTo(), city.zone());
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(city.zone());
    }

    /**
     * Keeps how to reach the caller, then texts them their ticket number; a number from a public channel gets the
     * receipt with its one-time code instead.
     */
    public Mono<Void> onReceived(TicketReceived received) {
        boolean fromPublic = received.channel().isPublic();
        CitizenContactRecord contact = new CitizenContactRecord(received.ticketId(), received.ticketNumber(),
                received.citizen().sealedPhone(), received.citizen().phoneHash(), received.citizen().maskedPhone(),
                received.citizen().language(), received.citizen().contactAllowed(),
                received.urgency() == Urgency.URGENT, received.parentIncidentId(), received.occurredAt(), null, null,
                fromPublic, fromPublic ? 0 : null, null);
        return mongo.insert(contact)
                .onErrorResume(DuplicateKeyException.class, known -> Mono.just(contact))
                .then(received.resolvedOnCall() ? Mono.empty()
                        : fromPublic ? text(contact, PUBLIC_RECEIPT, received.eventId(),
                                Map.of("code", codes.codeFor(received.ticketId())))
                        : text(contact, received.type(), received.eventId(), Map.of()));
    }

    /** Texts the citizen, and for a resolution every caller of the same incident, about a lifecycle event. */
    public Mono<Void> onLifecycle(TicketLifecycleEvent event) {
        Mono<Void> feedbackClosed = event instanceof TicketReopened reopened
                ? awaitingFeedback.reopened(reopened.ticketId(), reopened.resolutionRound())
                : event instanceof TicketClosed ? awaitingFeedback.closed(event.ticketId()) : Mono.empty();
        if (!templates.textsOn(event.type())
                || event instanceof TicketClosed closed && "RESOLVED_AT_INTAKE".equals(closed.reason())) {
            return feedbackClosed;
        }
        return feedbackClosed.then(mongo.findById(event.ticketId(), CitizenContactRecord.class)
                .switchIfEmpty(Mono.error(() -> new PrerequisiteMissingException(
                        "no contact yet for ticket " + event.ticketId() + "; its TicketReceived is still on the way")))
                .flatMapMany(contact -> event instanceof TicketResolved
                        ? Flux.concat(Mono.just(contact), mergedInto(event.ticketId())) : Flux.just(contact))
                .concatMap(contact -> text(contact, event.type(), event.eventId(),
                        values(event, contact.language(), !contact.ticketId().equals(event.ticketId())))
                        .then(event instanceof TicketResolved resolved ? awaitFeedback(contact, resolved)
                                : Mono.empty()))
                .then());
    }

    /** Texts {@code trigger}'s template to one citizen once, now or when the quiet hours end. */
    public Mono<Void> text(CitizenContactRecord contact, String trigger, String eventId,
            Map<String, String> extra) {
        String id = Notification.idFor(contact.ticketId(), eventId);
        return mongo.findById(id, Notification.class)
                .switchIfEmpty(Mono.defer(() -> create(contact, trigger, eventId, extra)))
                .filter(notification -> notification.dueAt(clock.instant()))
                .flatMap(due -> delivery.claimAndDeliver(due.getId()))
                .then();
    }

    private Mono<Notification> create(CitizenContactRecord contact, String trigger, String eventId,
            Map<String, String> extra) {
        Instant now = clock.instant();
        boolean fromPublic = Boolean.TRUE.equals(contact.publicChannel());
        return optOuts.optedOut(contact.phoneHash()).flatMap(optedOut -> {
            if (!contact.reachable()) {
                return Mono.just(Notification.suppressed(contact.ticketId(), trigger, eventId,
                        contact.sealedPhone() == null ? "ANONYMOUS" : "CONTACT_NOT_ALLOWED", now));
            }
            if (optedOut) {
                return Mono.just(Notification.suppressed(contact.ticketId(), trigger, eventId, "OPTED_OUT", now));
            }
            if (contact.unverified() && !PUBLIC_RECEIPT.equals(trigger)) {
                return Mono.just(Notification.suppressed(contact.ticketId(), trigger, eventId, "UNVERIFIED_NUMBER",
                        now));
            }
            // a public channel's number was never heard from, and its urgency is what the stranger typed: only a
            // proven number's urgent text may wake it at night
            boolean anyHour = contact.urgent() && !contact.unverified()
                    || !fromPublic && ANSWERS_THE_CITIZEN.contains(trigger);
            Instant notBefore = quietHours.notBefore(now, anyHour);
            // counted against the day it goes out, so texts held overnight share the morning's cap
            Mono<Boolean> underCap = fromPublic ? dailyTexts.countOne(contact.phoneHash(), notBefore, city.zone())
                    .map(count -> count <= settings.publicTextsPerNumberPerDay()) : Mono.just(true);
            return underCap.map(allowed -> {
                if (!allowed) {
                    return Notification.suppressed(contact.ticketId(), trigger, eventId, "DAILY_CAP", now);
                }
                Map<String, String> values = new HashMap<>(extra);
                values.put("ticketNumber", contact.ticketNumber());
                TextTemplates.Text text = templates.fit(trigger, contact.language(), values, settings.maxSegments())
                        .orElseThrow();
                return Notification.pending(contact.ticketId(), trigger, eventId, text.templateId(),
                        text.language(), text.body(), text.segments(), text.values(), contact.maskedPhone(), now,
                        notBefore);
            });
        }).flatMap(notification -> mongo.insert(notification)
                .doOnNext(created -> {
                    if ("SUPPRESSED".equals(created.getStatus())) {
                        meters.counter("hotline.texts.suppressed", "reason", created.getSuppressedBecause())
                                .increment();
                    }
                })
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(notification.getId(),
                        Notification.class)));
    }

    private Flux<CitizenContactRecord> mergedInto(String ticketId) {
        return mongo.find(Query.query(Criteria.where("parentIncidentId").is(ticketId)), CitizenContactRecord.class);
    }

    private Mono<Void> awaitFeedback(CitizenContactRecord contact, TicketResolved resolved) {
        // an unproven number was not asked, so a text from it is no answer
        return contact.reachable() && !contact.unverified()
                ? awaitingFeedback.asked(contact.ticketId(), resolved.resolutionRound(), clock.instant())
                : Mono.empty();
    }

    /** What the unit did, in words anyone may read, for callers merged into an incident whose reply is private. */
    private static final Map<String, String> REPLY_WITHHELD = Map.of(
            "zh", "承办单位已处理您反映的同一问题。",
            "en", "The responsible unit has dealt with the same problem.");

    /**
     * The values of an event's template. {@code toAnotherCaller}: the text goes to a caller merged into the
     * ticket's incident, who gets the unit's reply only when the unit made it public (it answers the first caller).
     */
    private Map<String, String> values(TicketLifecycleEvent event, String language, boolean toAnotherCaller) {
        Map<String, String> values = new HashMap<>();
        values.put("unitName", city.holderName(event.unitId(), language).orElse(""));
        if (event instanceof TicketAssigned assigned) {
            values.put("unitName", city.holderName(assigned.unitId(), language)
                    .orElse(assigned.unitName()));
            values.put("resolveBy", localTime.format(assigned.resolveBy()));
        } else if (event instanceof TicketExtended extended) {
            values.put("resolveBy", localTime.format(extended.resolveBy()));
            values.put("reason", extended.reason());
        } else if (event instanceof TicketResolved resolved) {
            values.put("reply", toAnotherCaller && !resolved.mayPublishReply()
                    ? REPLY_WITHHELD.getOrDefault(language, REPLY_WITHHELD.get("zh")) : resolved.reply());
        } else if (event instanceof TicketReopened reopened) {
            values.put("resolveBy", localTime.format(reopened.resolveBy()));
        }
        return values;
    }
}
