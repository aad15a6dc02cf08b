package org.hotline12345.intake.channels;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.hotline12345.contracts.Channel;
import org.hotline12345.intake.tickets.CallRatings;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A ticket's status for the citizen, found by its number once the controller has checked the token of their link.
 *
 * <p>A linked ticket is never worked on itself: its unit works on the ticket it joined. So its look-up follows that
 * one, read by id whenever it is asked for, and says which ticket it joined.
 */
@Service
class PublicStatus {

    private final ReactiveMongoTemplate mongo;
    private final CallRatings callRatings;

    PublicStatus(ReactiveMongoTemplate mongo, CallRatings callRatings) {
        this.mongo = mongo;
        this.callRatings = callRatings;
    }

    /** The ticket of {@code ticketNumber} as its citizen sees it; empty when there is none. */
    Mono<View> lookUp(String ticketNumber) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .flatMap(t -> Mono.zip(joined(t).map(parent -> View.following(t, parent))
                                .defaultIfEmpty(View.of(t)), callRatings.isRated(t.getId()))
                        .map(both -> both.getT1().withCallRated(both.getT2())));
    }

    /**
     * The ticket a linked one follows. Not for a repeat through a public channel: whoever posted it may have given
     * someone else's number, and that ticket's progress is that person's. Another report of the same incident
     * through a public channel follows it only when that report is published anyway: anyone can post near anyone's
     * report, so the unpublished progress of another citizen's ticket stays theirs.
     */
    private Mono<IntakeTicket> joined(IntakeTicket t) {
        if (t.getRepeatOf() != null) {
            return hidesLink(t) ? Mono.empty() : mongo.findById(t.getRepeatOf(), IntakeTicket.class);
        }
        return t.getParentIncidentId() == null ? Mono.empty()
                : mongo.findById(t.getParentIncidentId(), IntakeTicket.class)
                        .filter(parent -> !hidesLink(t) || parent.isPublished());
    }

    private static boolean hidesLink(IntakeTicket t) {
        return Channel.valueOf(t.getChannel()).isPublic();
    }

    /**
     * The ticket without personal data: status, category, handling unit, when it is due, timeline and the unit's
     * reply. A ticket from a public channel that was linked as a repeat shows as received: whoever posted it may have
     * given someone else's number, and "linked" would tell them that person has an open ticket about the same thing.
     *
     * @param dueAt when the handling unit must have resolved it, null until it is dispatched
     * @param joinedTo the ticket a linked one joined, whose status, unit, due time and public reply it shows (named
     *     by its number only when it is the same caller's earlier ticket); null for a ticket that is worked on itself
     * @param callRated whether the citizen rated how this ticket's call was taken, which is done once
     */
    record View(String ticketNumber, String status, String category, String handlingUnit, Instant dueAt,
            String reply, List<IntakeTicket.Step> timeline, Instant receivedAt, Instant updatedAt, Joined joinedTo,
            boolean callRated) {

        static View of(IntakeTicket t) {
            boolean hideLink = hidesLink(t);
            List<IntakeTicket.Step> timeline = t.getTimeline().stream()
                    .map(step -> hideLink && "LINKED".equals(step.status())
                            ? new IntakeTicket.Step("RECEIVED", step.at()) : step)
                    .toList();
            String status = hideLink && "LINKED".equals(t.getStatus()) ? "RECEIVED" : t.getStatus();
            return new View(t.getTicketNumber(), status, t.getCategory(), t.getUnitName(), t.getExpectedAt(),
                    t.getReply(), timeline, t.getReceivedAt(), t.getUpdatedAt(), null, false);
        }

        /**
         * A linked ticket as the one it joined progresses: that one's status, unit, due time and reply when its
         * unit let it be public (it answers another caller, or an earlier call); this ticket's own steps, then that
         * one's since this was received.
         */
        static View following(IntakeTicket t, IntakeTicket parent) {
            boolean repeat = t.getRepeatOf() != null;
            List<IntakeTicket.Step> timeline = Stream.concat(t.getTimeline().stream(), parent.getTimeline().stream()
                    .filter(step -> step.at().isAfter(t.getReceivedAt()))
                    .map(step -> repeat ? step : new IntakeTicket.Step(ownersOnly(step.status()), step.at())))
                    .toList();
            Instant updatedAt = parent.getUpdatedAt().isAfter(t.getUpdatedAt()) ? parent.getUpdatedAt()
                    : t.getUpdatedAt();
            String status = repeat ? parent.getStatus() : ownersOnly(parent.getStatus());
            return new View(t.getTicketNumber(), status, t.getCategory(), parent.getUnitName(),
                    parent.getExpectedAt(), parent.isReplyPublic() ? parent.getReply() : null, timeline,
                    t.getReceivedAt(), updatedAt, repeat ? new Joined(parent.getTicketNumber(), Joined.REPEAT)
                            : new Joined(null, Joined.SAME_INCIDENT), false);
        }

        View withCallRated(boolean rated) {
            return new View(ticketNumber, status, category, handlingUnit, dueAt, reply, timeline, receivedAt,
                    updatedAt, joinedTo, rated);
        }

        /**
         * What another caller's report of the same incident may show of the first one's states: that its caller
         * rated it and sent it back is theirs, so a reopened ticket reads as being handled again.
         */
        private static String ownersOnly(String status) {
            return "REOPENED".equals(status) ? "ACCEPTED" : status;
        }
    }

    /**
     * The ticket a linked one joined.
     *
     * @param why {@code REPEAT} (an earlier call from this number about the same problem) or {@code SAME_INCIDENT}
     *     (another report of the same problem nearby)
     */
    record Joined(String ticketNumber, String why) {
        static final String REPEAT = "REPEAT";
        static final String SAME_INCIDENT = "SAME_INCIDENT";
    }
}
