package org.hotline12345.intake.channels;

import java.time.Instant;
import java.util.List;
import org.hotline12345.contracts.Channel;
import org.hotline12345.intake.tickets.IntakeTicket;
import org.hotline12345.platform.problem.ResourceNotFoundException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A ticket's status for the citizen, found by its number and the last four digits of their phone. A wrong pair
 * and an unknown number give the same 404, so the look-up reveals nothing about tickets that are not yours.
 */
@Service
class PublicStatus {

    private final ReactiveMongoTemplate mongo;

    PublicStatus(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<View> lookUp(String ticketNumber, String phoneLast4) {
        return mongo.findOne(Query.query(Criteria.where("ticketNumber").is(ticketNumber)), IntakeTicket.class)
                .filter(t -> t.getMaskedPhone() != null && t.getMaskedPhone().endsWith(phoneLast4))
                .map(View::of)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Ticket", ticketNumber)));
    }

    /**
     * The ticket without personal data: status, category, handling unit, timeline and the unit's reply. A ticket
     * from a public channel that was linked to another shows as received: whoever posted it may have given someone
     * else's number, and "linked" would tell them that person has an open ticket about the same thing.
     */
    record View(String ticketNumber, String status, String category, String handlingUnit, String reply,
            List<IntakeTicket.Step> timeline, Instant receivedAt, Instant updatedAt) {

        static View of(IntakeTicket t) {
            boolean hideLink = Channel.valueOf(t.getChannel()).isPublic();
            List<IntakeTicket.Step> timeline = t.getTimeline().stream()
                    .map(step -> hideLink && "LINKED".equals(step.status())
                            ? new IntakeTicket.Step("RECEIVED", step.at()) : step)
                    .toList();
            String status = hideLink && "LINKED".equals(t.getStatus()) ? "RECEIVED" : t.getStatus();
            return new View(t.getTicketNumber(), status, t.getCategory(), t.getUnitName(), t.getReply(), timeline,
                    t.getReceivedAt(), t.getUpdatedAt());
        }
    }
}
