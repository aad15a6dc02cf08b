package org.hotline12345.intake.tickets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hotline12345.contracts.Urgency;
import org.hotline12345.intake.classify.CategorySuggester;
import org.hotline12345.intake.normalise.Gazetteer;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.hotline12345.intake.normalise.TextCleaner;
import org.hotline12345.intake.normalise.UrgencyCues;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.referencedata.City;
import org.hotline12345.referencedata.Grid;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What the operator sees while the caller speaks, before anything is saved: the category the words suggest, the
 * words that make it urgent, where the address or point lies (district, street, grid and its street office), and
 * the open ticket this call would join as a repeat or another report of the same incident (its number and status,
 * not another citizen's words), and the caller's ticket that was settled lately (its number, status and when, so
 * that "my problem is back" is heard as such). Nothing is stored or claimed; the incident look-up drops reports
 * older than its window from the cells it reads, as the registration's does.
 */
@Service
class CallCheck {

    /** How long after a caller's ticket was settled the operator is reminded of it when the number calls again. */
    private static final Duration RECENTLY_SETTLED = Duration.ofDays(7);
    /** The states in which a ticket's work is done: by its unit, by the archive, or by the operator on the call. */
    private static final List<String> SETTLED = List.of("RESOLVED", "CLOSED", "RESOLVED_AT_INTAKE");

    private final CategorySuggester suggester;
    private final TicketLinks links;
    private final ContactSealer sealer;
    private final ReactiveMongoTemplate mongo;
    private final Gazetteer gazetteer;
    private final City city;
    private final Clock clock;

    CallCheck(CategorySuggester suggester, TicketLinks links, ContactSealer sealer, ReactiveMongoTemplate mongo,
            Gazetteer gazetteer, City city, Clock clock) {
        this.suggester = suggester;
        this.links = links;
        this.sealer = sealer;
        this.mongo = mongo;
        this.gazetteer = gazetteer;
        this.city = city;
        this.clock = clock;
    }

    Mono<Result> check(Request request) {
        String description = TextCleaner.clean(request.description());
        CategorySuggester.Suggestion suggestion = description == null
                || description.codePointCount(0, description.length()) < CallNormaliser.MIN_DESCRIPTION ? null
                : suggester.explain(description);
        String category = request.category() != null ? request.category()
                : suggestion != null && !suggestion.needsTriage() ? suggestion.category() : null;
        Optional<UrgencyCues.Inferred> urgency = UrgencyCues.infer(description);
        Place place = place(request);
        String phoneHash = PhoneNumbers.toE164(request.callerPhone()).map(sealer::hash).orElse(null);
        Instant now = clock.instant();
        Mono<Link> link = category == null ? Mono.empty()
                : links.wouldRepeat(phoneHash, category, now).map(id -> new Found(id, TicketView.LinkedTo.REPEAT))
                        .switchIfEmpty(Mono.defer(() -> links.sameIncident(phoneHash, category, request.location(),
                                now).map(id -> new Found(id, TicketView.LinkedTo.SAME_INCIDENT))))
                        .flatMap(found -> mongo.findById(found.ticketId(), IntakeTicket.class)
                                .map(ticket -> new Link(ticket.getId(), ticket.getTicketNumber(), found.why(),
                                        ticket.getStatus(), ticket.getCategory(), ticket.getReceivedAt())));
        return link.map(Optional::of).defaultIfEmpty(Optional.empty())
                .zipWith(recentlySettled(phoneHash, now).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(found -> new Result(suggestion, category, urgency.map(UrgencyCues.Inferred::urgency).orElse(null),
                        urgency.map(UrgencyCues.Inferred::cue).orElse(null), place, found.getT1().orElse(null),
                        found.getT2().orElse(null)));
    }

    /** The caller's ticket settled last, within {@link #RECENTLY_SETTLED}; read through {@code phone_settled}. */
    private Mono<Settled> recentlySettled(String phoneHash, Instant now) {
        if (phoneHash == null) {
            return Mono.empty();
        }
        Query latest = Query.query(Criteria.where("phoneHash").is(phoneHash).and("status").in(SETTLED)
                .and("updatedAt").gte(now.minus(RECENTLY_SETTLED))).with(Sort.by(Sort.Direction.DESC, "updatedAt"))
                .limit(1);
        return mongo.findOne(latest, IntakeTicket.class)
                .map(ticket -> new Settled(ticket.getTicketNumber(), ticket.getStatus(), ticket.getUpdatedAt()));
    }

    private Place place(Request request) {
        if (request.location() != null) {
            Optional<Grid> grid = city.gridIndex().locate(request.location().lat(), request.location().lon());
            if (grid.isPresent()) {
                return new Place(grid.get().district(), grid.get().street(), grid.get().id(),
                        grid.get().streetOffice());
            }
        }
        return gazetteer.locate(request.address()).map(p -> new Place(p.district(), p.street(), null, null))
                .orElse(null);
    }

    private record Found(String ticketId, String why) {
    }

    /** The call as typed so far; every field may still be missing. */
    record Request(@Size(max = 40) String callerPhone, @Size(max = 2000) String description,
            @Size(max = 200) String address, @Valid CallRequest.Location location,
            @Pattern(regexp = "[A-Z_]{2,40}") String category) {
    }

    /**
     * @param suggestion the classifier's categories for the words, null until there are enough of them
     * @param category the category the links were looked up under: the operator's, else the suggestion's
     * @param urgency what the words call for, null when nothing in them is pressing
     * @param urgencyCue the words that call for it
     * @param place where the point or address lies, null when it names no place of the city
     * @param link the open ticket this call would join, null when none
     * @param recentlySettled the caller's ticket settled within the last 7 days, null when none or anonymous
     */
    record Result(CategorySuggester.Suggestion suggestion, String category, Urgency urgency, String urgencyCue,
            Place place, Link link, Settled recentlySettled) {
    }

    /**
     * A ticket of the same number whose work is done: no more than the operator needs to ask about it.
     *
     * @param status {@code RESOLVED}, {@code CLOSED} or {@code RESOLVED_AT_INTAKE}
     * @param at when it reached that status
     */
    record Settled(String ticketNumber, String status, Instant at) {
    }

    /** A district and street code, and the grid and its street office when a point was given. */
    record Place(String district, String street, String gridId, String streetOffice) {
    }

    /**
     * The ticket the call would join.
     *
     * @param why {@code REPEAT} or {@code SAME_INCIDENT}
     */
    record Link(String ticketId, String ticketNumber, String why, String status, String category,
            Instant receivedAt) {
    }
}
