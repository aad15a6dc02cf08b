package org.hotline12345.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hotline12345.contracts.TicketAssigned;
import org.hotline12345.contracts.TicketClosed;
import org.hotline12345.contracts.TicketExtended;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.hotline12345.contracts.TicketReceived;
import org.hotline12345.contracts.TicketReopened;
import org.hotline12345.contracts.TicketResolved;
import org.hotline12345.notification.contacts.CitizenContactRecord;
import org.hotline12345.notification.contacts.CitizenContacts;
import org.hotline12345.notification.store.NewDocuments;
import org.hotline12345.notification.texts.TextTemplates;
import org.hotline12345.notification.verification.FollowLinks;
import org.hotline12345.notification.verification.PhoneCodes;
import org.hotline12345.platform.database.StoredIds;
import org.hotline12345.platform.messaging.PrerequisiteMissingException;
import org.hotline12345.referencedata.City;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides which texts an event causes and records each as a notification before anything is sent: the ticket
 * number on receipt, or the answer given on the call when the caller asked for it by text; the unit and due date on
 * assignment; new dates on extension and reopening; the reply and the satisfaction question on resolution, also to
 * every caller merged into the same incident; and the closing. The notification's id is the ticket and the event,
 * so an event delivered twice never makes a second text. The events of a consumer's batch are worked together, with
 * one read or write per collection for all of them.
 */
@Service
public class CitizenTexts {

    /** The answer an operator gave on the call, to a caller who asked for it by text; no receipt goes with it. */
    static final String ANSWER_GIVEN = "AnswerGiven";
    /**
     * Texts that answer what the citizen just did (called, asked for the answer by text, replied): they go out even
     * in the quiet hours.
     */
    private static final java.util.Set<String> ANSWERS_THE_CITIZEN = java.util.Set.of("TicketReceived",
            ANSWER_GIVEN, "ReplyHelp");
    /**
     * The receipt of a ticket from a public channel: with the one-time code that proves the number, and the only
     * text such a number gets until it is proven.
     */
    static final String PUBLIC_RECEIPT = "PublicReceipt";

    private final ReactiveMongoTemplate mongo;
    private final TextDelivery delivery;
    private final CitizenContacts contacts;
    private final Clock clock;
    private final NotificationProperties settings;
    private final QuietHours quietHours;
    private final DateTimeFormatter localTime;
    private final TextTemplates templates;
    private final City city;
    private final PhoneCodes codes;
    private final FollowLinks links;
    private final DailyTexts dailyTexts;
    private final MeterRegistry meters;

    CitizenTexts(ReactiveMongoTemplate mongo, TextDelivery delivery, CitizenContacts contacts, Clock clock,
            NotificationProperties settings, City city, PhoneCodes codes, FollowLinks links, DailyTexts dailyTexts,
            MeterRegistry meters) {
        this.links = links;
        this.meters = meters;
        this.city = city;
        this.templates = new TextTemplates(city.smsTemplates());
        this.codes = codes;
        this.dailyTexts = dailyTexts;
        this.mongo = mongo;
        this.delivery = delivery;
        this.contacts = contacts;
        this.clock = clock;
        this.settings = settings;
        this.quietHours = new QuietHours(settings.quietFrom(), settings.quietTo(), city.zone());
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(city.zone());
    }

    /**
     * Keeps how to reach each caller, then texts them their ticket number; a number from a public channel gets the
     * receipt with its one-time code instead, and a question answered on the call gets no receipt but, when the
     * caller asked for it, the answer. The tickets of a batch are worked together: one write stores their
     * contacts, and their texts are made and sent as in {@link #text}.
     */
    public Mono<Void> onReceived(List<TicketReceived> events) {
        List<TicketReceived> received = distinct(events, TicketReceived::eventId);
        return contacts.keep(received).flatMap(kept -> {
            List<Planned> planned = new ArrayList<>();
            for (TicketReceived event : received) {
                CitizenContactRecord contact = kept.get(event.ticketId());
                if (event.answerByText()) {
                    planned.add(new Planned(contact, ANSWER_GIVEN, event.eventId(),
                            Map.of("answer", event.answerGiven())));
                } else if (!event.resolvedOnCall()) {
                    planned.add(event.channel().isPublic()
                            ? new Planned(contact, PUBLIC_RECEIPT, event.eventId(),
                                    Map.of("code", codes.codeFor(event.ticketId())))
                            : new Planned(contact, event.type(), event.eventId(), Map.of()));
                }
            }
            return textAll(planned);
        });
    }

    /**
     * Texts the citizen, and for a resolution every caller of the same incident, about each lifecycle event of a
     * batch, in the order of the events: the contacts of all their tickets are read with one query, the question
     * awaiting an answer changes with one write. Events of a ticket whose TicketReceived has not arrived yet are left
     * for a later try, which fails the batch once the others are done.
     */
    public Mono<Void> onLifecycle(List<TicketLifecycleEvent> events) {
        List<TicketLifecycleEvent> distinct = distinct(events, TicketLifecycleEvent::eventId);
        Set<String> texted = new LinkedHashSet<>();
        Set<String> resolved = new LinkedHashSet<>();
        for (TicketLifecycleEvent event : distinct) {
            if (texts(event)) {
                texted.add(event.ticketId());
                if (event instanceof TicketResolved) {
                    resolved.add(event.ticketId());
                }
            }
        }
        return contacts.ofTicketsAndMergedInto(texted, resolved).flatMap(found -> {
            Map<String, CitizenContactRecord> byTicket = new HashMap<>();
            Map<String, List<CitizenContactRecord>> mergedInto = new HashMap<>();
            for (CitizenContactRecord contact : found) {
                if (texted.contains(contact.ticketId())) {
                    byTicket.put(contact.ticketId(), contact);
                }
                if (contact.parentIncidentId() != null && resolved.contains(contact.parentIncidentId())) {
                    mergedInto.computeIfAbsent(contact.parentIncidentId(), parent -> new ArrayList<>()).add(contact);
                }
            }
            Set<String> waiting = new LinkedHashSet<>(texted);
            waiting.removeAll(byTicket.keySet());
            Instant now = clock.instant();
            List<Planned> planned = new ArrayList<>();
            List<CitizenContacts.QuestionChange> questions = new ArrayList<>();
            for (TicketLifecycleEvent event : distinct) {
                // all of the ticket's events wait, so that they still change its texts and question in their order
                if (waiting.contains(event.ticketId())) {
                    continue;
                }
                if (event instanceof TicketReopened reopened) {
                    questions.add(CitizenContacts.reopened(reopened.ticketId(), reopened.resolutionRound()));
                } else if (event instanceof TicketClosed) {
                    questions.add(CitizenContacts.closed(event.ticketId()));
                }
                if (!texts(event)) {
                    continue;
                }
                List<CitizenContactRecord> recipients = new ArrayList<>();
                recipients.add(byTicket.get(event.ticketId()));
                if (event instanceof TicketResolved) {
                    recipients.addAll(mergedInto.getOrDefault(event.ticketId(), List.of()));
                }
                for (CitizenContactRecord contact : recipients) {
                    planned.add(new Planned(contact, event.type(), event.eventId(),
                            values(event, contact.language(), !contact.ticketId().equals(event.ticketId()))));
                    // an unproven number was not asked, so a text from it is no answer
                    if (event instanceof TicketResolved answered && contact.reachable() && !contact.unverified()) {
                        questions.add(CitizenContacts.asked(contact.ticketId(), answered.resolutionRound(), now));
                    }
                }
            }
            Mono<Void> work = textAll(planned).then(contacts.changeQuestions(questions));
            return waiting.isEmpty() ? work : work.then(Mono.error(() -> new PrerequisiteMissingException(
                    "no contact yet for tickets " + waiting + "; their TicketReceived is still on the way")));
        });
    }

    private boolean texts(TicketLifecycleEvent event) {
        return templates.textsOn(event.type())
                && !(event instanceof TicketClosed closed && "RESOLVED_AT_INTAKE".equals(closed.reason()));
    }

    /** Texts {@code trigger}'s template to one citizen once, now or when the quiet hours end. */
    public Mono<Void> text(CitizenContactRecord contact, String trigger, String eventId,
            Map<String, String> extra) {
        return textAll(List.of(new Planned(contact, trigger, eventId, extra)));
    }

    /**
     * Makes each planned text once and sends those that are due: the opt-outs of all their numbers are read with one
     * query, the texts are decided in memory and stored with one write, made already held by this batch so that
     * nobody else sends them, and then sent. A text's id is its ticket and its event, so a text whose id is stored
     * already was made by an earlier delivery of the event, or by another instance: it is not made or sent again.
     */
    private Mono<Void> textAll(List<Planned> planned) {
        List<Planned> texts = distinct(planned, Planned::id);
        if (texts.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return contacts.optedOutAmong(texts.stream().map(text -> text.contact().phoneHash()).toList())
                .flatMap(optedOut -> {
                    List<Draft> drafts = texts.stream().map(text -> draft(text, optedOut, now)).toList();
                    return capped(drafts).flatMap(counted -> {
                        String holder = UUID.randomUUID().toString();
                        List<Notification> made = counted.stream()
                                .map(draft -> notification(draft, now, holder)).toList();
                        return NewDocuments.insert(mongo, Notification.class, made)
                                .flatMap(created -> send(created, texts, optedOut, holder));
                    });
                });
    }

    /** Sends the texts this batch made due, once they are stored. */
    private Mono<Void> send(List<Notification> created, List<Planned> texts, Set<String> optedOut, String holder) {
        created.stream().filter(text -> text.getStatus() == Notification.Status.SUPPRESSED).forEach(text ->
                meters.counter("hotline.texts.suppressed", "reason", text.getSuppressedBecause()).increment());
        Map<String, CitizenContactRecord> byTicket = new HashMap<>();
        texts.forEach(text -> byTicket.putIfAbsent(text.contact().ticketId(), text.contact()));
        return delivery.deliver(created.stream().filter(text -> holder.equals(text.getLeaseHolder())).toList(),
                byTicket, optedOut);
    }

    /** Whether and when a text may go, before the daily cap of public numbers. */
    private Draft draft(Planned text, Set<String> optedOut, Instant now) {
        CitizenContactRecord contact = text.contact();
        if (!contact.reachable()) {
            return Draft.suppressed(text, contact.sealedPhone() == null ? "ANONYMOUS" : "CONTACT_NOT_ALLOWED");
        }
        if (optedOut.contains(contact.phoneHash())) {
            return Draft.suppressed(text, "OPTED_OUT");
        }
        if (contact.unverified() && !PUBLIC_RECEIPT.equals(text.trigger())) {
            return Draft.suppressed(text, "UNVERIFIED_NUMBER");
        }
        boolean fromPublic = Boolean.TRUE.equals(contact.publicChannel());
        // a public channel's number was never heard from, and its urgency is what the stranger typed: only a
        // proven number's urgent text may wake it at night
        boolean anyHour = contact.urgent() && !contact.unverified()
                || !fromPublic && ANSWERS_THE_CITIZEN.contains(text.trigger());
        return new Draft(text, null, quietHours.notBefore(now, anyHour), fromPublic);
    }

    /**
     * The drafts with the daily cap of public numbers applied: each number's texts of a day are counted with one
     * atomic increment, counted against the day they go out, so texts held overnight share the morning's cap.
     * Texts made before (a redelivered event) are left out rather than counted twice.
     */
    private Mono<List<Draft>> capped(List<Draft> drafts) {
        List<Draft> counted = drafts.stream().filter(Draft::counted).toList();
        if (counted.isEmpty()) {
            return Mono.just(drafts);
        }
        return StoredIds.among(mongo, mongo.getCollectionName(Notification.class),
                        counted.stream().map(draft -> draft.text().id()).toList())
                .flatMap(stored -> {
                    Map<String, List<Draft>> byNumberAndDay = new LinkedHashMap<>();
                    counted.stream().filter(draft -> !stored.contains(draft.text().id())).forEach(draft ->
                            byNumberAndDay.computeIfAbsent(draft.text().contact().phoneHash() + "|"
                                    + LocalDate.ofInstant(draft.notBefore(), city.zone()), key -> new ArrayList<>())
                                    .add(draft));
                    return Flux.fromIterable(byNumberAndDay.values())
                            .flatMap(day -> dailyTexts.count(day.get(0).text().contact().phoneHash(),
                                    day.get(0).notBefore(), city.zone(), day.size()).map(total -> overCap(day, total)))
                            .collect(HashSet<String>::new, Set::addAll)
                            .map(over -> drafts.stream()
                                    .filter(draft -> !draft.counted() || !stored.contains(draft.text().id()))
                                    .map(draft -> over.contains(draft.text().id())
                                            ? Draft.suppressed(draft.text(), "DAILY_CAP") : draft)
                                    .toList());
                });
    }

    /** The ids of the texts of one number and day that the day's count, {@code total} after them, puts over cap. */
    private Set<String> overCap(List<Draft> day, long total) {
        Set<String> over = new HashSet<>();
        long first = total - day.size() + 1;
        for (int i = 0; i < day.size(); i++) {
            if (first + i > settings.publicTextsPerNumberPerDay()) {
                over.add(day.get(i).text().id());
            }
        }
        return over;
    }

    /** The notification of a draft; one that may go now is made held by {@code holder}, the batch that sends it. */
    private Notification notification(Draft draft, Instant now, String holder) {
        Planned text = draft.text();
        CitizenContactRecord contact = text.contact();
        if (draft.suppressedBecause() != null) {
            return Notification.suppressed(contact.ticketId(), text.trigger(), text.eventId(),
                    draft.suppressedBecause(), now);
        }
        Map<String, String> values = new HashMap<>(text.extra());
        values.put("ticketNumber", contact.ticketNumber());
        // the link is the citizen's proof when they look the ticket up; a template uses it whole, or the token
        // alone where the provider takes only short values and the city's approved template holds the rest
        values.put("followLink", links.linkFor(contact.ticketNumber()));
        values.put("followToken", links.tokenFor(contact.ticketNumber()));
        TextTemplates.Text body = templates.fit(text.trigger(), contact.language(), values, settings.maxSegments())
                .orElseThrow();
        Notification pending = Notification.pending(contact.ticketId(), text.trigger(), text.eventId(),
                body.templateId(), body.language(), body.body(), body.segments(), body.values(), contact.maskedPhone(),
                now, draft.notBefore());
        return draft.notBefore().isAfter(now) ? pending : pending.heldBy(holder, now.plus(TextDelivery.LEASE));
    }

    /** {@code items} without the repeats of a key, each kept where it first came. */
    private static <T> List<T> distinct(List<T> items, Function<? super T, String> key) {
        Set<String> seen = new HashSet<>();
        return items.stream().filter(item -> seen.add(key.apply(item))).toList();
    }

    /** A text to make: the citizen, the template, the event that causes it and the template's values. */
    private record Planned(CitizenContactRecord contact, String trigger, String eventId, Map<String, String> extra) {

        String id() {
            return Notification.idFor(contact.ticketId(), eventId);
        }
    }

    /**
     * A text decided but for the daily cap: suppressed, or when it may go; {@code counted}: it is counted against
     * its number's daily cap.
     */
    private record Draft(Planned text, String suppressedBecause, Instant notBefore, boolean counted) {

        static Draft suppressed(Planned text, String because) {
            return new Draft(text, because, null, false);
        }
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
