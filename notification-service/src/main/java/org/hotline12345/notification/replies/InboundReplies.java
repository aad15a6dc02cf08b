package org.hotline12345.notification.replies;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hotline12345.contracts.CitizenRated;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.FeedbackReceived;
import org.hotline12345.notification.contacts.CitizenContactRecord;
import org.hotline12345.notification.contacts.CitizenContacts;
import org.hotline12345.notification.delivery.CitizenTexts;
import org.hotline12345.platform.outbox.OutboxRelay;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Acts on a citizen's text: TD, STOP or 退订 stops every further text to the number; a rating becomes
 * FeedbackReceived for the citizen's most recent ticket awaiting an answer, naming the resolution round the question
 * was about; an unclear reply to such a ticket gets one help text; a text when no ticket awaits an answer is recorded
 * and otherwise ignored. A rating takes its question in one atomic write, so that two ratings arriving at once
 * answer two questions, or one question and nothing, as they would one after the other.
 */
@Service
public class InboundReplies {

    private static final Logger log = LoggerFactory.getLogger(InboundReplies.class);

    private final ReactiveMongoTemplate mongo;
    private final ContactSealer sealer;
    private final CitizenContacts contacts;
    private final CitizenTexts texts;
    /** How a rating from the follow page came, in {@link FeedbackReceived#via()}. */
    static final String WEB = "WEB";
    private final OutboxRelay relay;
    private final Clock clock;

    InboundReplies(ReactiveMongoTemplate mongo, ContactSealer sealer, CitizenContacts contacts, CitizenTexts texts,
            OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.sealer = sealer;
        this.contacts = contacts;
        this.texts = texts;
        this.relay = relay;
        this.clock = clock;
        PhoneNumbers.loadMetadata();
    }

    /**
     * Handles one inbound text once; completes with what it led to. A redelivered text that was settled answers
     * with its outcome; one whose handling died after it was stored (the provider retries it) is handled now.
     */
    public Mono<String> receive(String messageId, String from, String text) {
        String e164 = mainlandE164(from);
        String phoneHash = sealer.hash(e164);
        Reply reply = ReplyParser.parse(text);
        Instant now = clock.instant();
        InboundReply record = new InboundReply(messageId, ContactSealer.mask(e164), phoneHash, text,
                reply.kind() == Reply.Kind.RATING ? (reply.solved() ? "SOLVED " : "NOT_SOLVED ") + reply.satisfaction()
                        : reply.kind().name(), now);
        return mongo.insert(record).map(stored -> act(stored, reply, phoneHash, now, false))
                .onErrorResume(DuplicateKeyException.class, seen -> mongo.findById(messageId, InboundReply.class)
                        .map(stored -> stored.getOutcome() != null ? Mono.just(stored.getOutcome())
                                : act(stored, ReplyParser.parse(stored.getText()), stored.getPhoneHash(), now, true)))
                .flatMap(handling -> handling);
    }

    /**
     * Turns the citizens' ratings from their follow page into the answers of their questions, as a text reply is:
     * each rating takes the question of the resolution it rates, and only if no text reply took it first, so a
     * resolution gets one answer whichever way it came. A redelivered rating changes nothing. Ratings are few (one
     * per resolution at most), so each is handled in turn.
     */
    public Mono<Void> onRated(List<CitizenRated> ratings) {
        return Flux.fromIterable(ratings).concatMap(this::rated).then();
    }

    private Mono<String> rated(CitizenRated rating) {
        Instant now = clock.instant();
        InboundReply record = new InboundReply(rating.eventId(), "follow page", null,
                rating.comment() == null ? "" : rating.comment(),
                (rating.solved() ? "SOLVED " : "NOT_SOLVED ") + rating.satisfaction(), now);
        return mongo.insert(record).map(stored -> actOnRating(stored, rating, now, false))
                .onErrorResume(DuplicateKeyException.class, seen -> mongo.findById(rating.eventId(),
                                InboundReply.class)
                        .map(stored -> stored.getOutcome() != null ? Mono.just(stored.getOutcome())
                                : actOnRating(stored, rating, now, true)))
                .flatMap(handling -> handling);
    }

    private Mono<String> actOnRating(InboundReply record, CitizenRated rating, Instant now, boolean again) {
        Mono<CitizenContactRecord> take = Mono.defer(() -> contacts.takeAwaitingFeedbackOf(rating.ticketId(),
                rating.resolutionRound(), record.getMessageId()));
        Mono<CitizenContactRecord> question = again
                ? contacts.takenByOn(rating.ticketId(), record.getMessageId()).switchIfEmpty(take) : take;
        return question.flatMap(contact -> {
            FeedbackReceived feedback = new FeedbackReceived(EventIds.of(contact.ticketId(), "FeedbackReceived",
                    record.getMessageId()), now, contact.ticketId(), rating.solved(), rating.satisfaction(), WEB,
                    rating.resolutionRound());
            record.stage(feedback);
            record.settle(contact.ticketId(), "FEEDBACK");
            log.info("Feedback on ticket {} from its follow page: {}", contact.ticketNumber(), record.getReadAs());
            return mongo.save(record)
                    .then(relay.flush(InboundReply.class, record))
                    .thenReturn("FEEDBACK");
        }).switchIfEmpty(Mono.defer(() -> settle(record, rating.ticketId(), "NO_TICKET_AWAITING_FEEDBACK")));
    }

    /** Acts on a stored reply; {@code again}: it was stored before, by a handling that died before it settled. */
    private Mono<String> act(InboundReply record, Reply reply, String phoneHash, Instant now, boolean again) {
        if (reply.kind() == Reply.Kind.OPT_OUT) {
            return contacts.optOut(phoneHash, now).then(settle(record, null, "OPTED_OUT"));
        }
        if (reply.kind() == Reply.Kind.UNCLEAR) {
            return contacts.awaitingFeedback(phoneHash)
                    .flatMap(contact -> texts.text(contact, "ReplyHelp", "help:" + contact.awaitingFeedbackSince(),
                            Map.of()).then(settle(record, contact.ticketId(), "HELP_SENT")))
                    .switchIfEmpty(Mono.defer(() -> settle(record, null, "NO_TICKET_AWAITING_FEEDBACK")));
        }
        return question(phoneHash, record.getMessageId(), again).flatMap(contact -> {
            FeedbackReceived feedback = new FeedbackReceived(EventIds.of(contact.ticketId(), "FeedbackReceived",
                    record.getMessageId()), now, contact.ticketId(), reply.solved(), reply.satisfaction(), "SMS",
                    contact.feedbackRound());
            record.stage(feedback);
            record.settle(contact.ticketId(), "FEEDBACK");
            log.info("Feedback on ticket {}: {}", contact.ticketNumber(), record.getReadAs());
            return mongo.save(record)
                    .then(relay.flush(InboundReply.class, record))
                    .thenReturn("FEEDBACK");
        }).switchIfEmpty(Mono.defer(() -> settle(record, null, "NO_TICKET_AWAITING_FEEDBACK")));
    }

    /**
     * The question reply {@code messageId} answers, taken from the contact so that no other reply answers it too. A
     * reply handled again takes the question its first handling took, if it got that far.
     */
    private Mono<CitizenContactRecord> question(String phoneHash, String messageId, boolean again) {
        Mono<CitizenContactRecord> take = Mono.defer(() -> contacts.takeAwaitingFeedback(phoneHash, messageId));
        return again ? contacts.takenBy(phoneHash, messageId).switchIfEmpty(take) : take;
    }

    private Mono<String> settle(InboundReply record, String ticketId, String outcome) {
        record.settle(ticketId, outcome);
        return mongo.save(record).thenReturn(outcome);
    }

    /**
     * The provider gives numbers as {@code +8613812345678}, {@code 8613812345678}, {@code 008613812345678} or
     * {@code 13812345678}: read as intake read the caller's number, so that the keyed hashes meet. A number that
     * cannot be a mainland one keeps its digits: it finds no ticket and is recorded as such.
     */
    static String mainlandE164(String from) {
        return PhoneNumbers.toE164(from).orElseGet(() -> "+" + (from == null ? "" : from.replaceAll("[^0-9]", "")));
    }
}
