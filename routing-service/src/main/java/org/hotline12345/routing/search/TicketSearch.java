package org.hotline12345.routing.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.hotline12345.platform.pii.ContactSealer;
import org.hotline12345.platform.pii.PhoneNumbers;
import org.hotline12345.routing.assignment.RoutedTicket;
import org.hotline12345.routing.assignment.TicketView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds tickets of any status for the desk, each query through an index: by number ({@code ticket_number}), by the
 * caller's number through the keyed hash intake gives it ({@code caller_phone_hash_received_at}), or by words among
 * the recent tickets ({@code received_at}). A word search reads at most the last {@link #RECENT} days and at most
 * the newest {@link #SCANNED} tickets of them, so a busy month costs no more than a quiet one.
 */
@Service
class TicketSearch {

    /** At most this many tickets are answered. */
    static final int FOUND = 50;
    static final Duration RECENT = Duration.ofDays(30);
    static final int SCANNED = 5000;

    private final ReactiveMongoTemplate mongo;
    private final ContactSealer sealer;
    private final Clock clock;

    TicketSearch(ReactiveMongoTemplate mongo, ContactSealer sealer, Clock clock) {
        this.mongo = mongo;
        this.sealer = sealer;
        this.clock = clock;
        PhoneNumbers.loadMetadata();
    }

    Flux<TicketView> find(String q) {
        SearchQuery query = SearchQuery.parse(q);
        Instant now = clock.instant();
        Flux<RoutedTicket> found;
        if (query instanceof SearchQuery.TicketNumber number) {
            found = mongo.find(Query.query(Criteria.where("ticketNumber").is(number.number())).limit(FOUND),
                    RoutedTicket.class);
        } else if (query instanceof SearchQuery.Phone phone) {
            found = mongo.find(Query.query(Criteria.where("caller.phoneHash").is(sealer.hash(phone.e164())))
                    .with(newestFirst()).limit(FOUND), RoutedTicket.class);
        } else {
            List<String> words = ((SearchQuery.Words) query).words();
            found = scanFloor(now).flatMapMany(from -> mongo.find(Query.query(Criteria.where("receivedAt").gte(from)
                    .andOperator(words.stream().map(TicketSearch::inDescriptionOrAddress).toArray(Criteria[]::new)))
                    .with(newestFirst()).limit(FOUND), RoutedTicket.class));
        }
        return found.map(ticket -> TicketView.of(ticket, now));
    }

    /** The oldest receipt a word search reads: 30 days ago, or the newest {@link #SCANNED} tickets' oldest. */
    private Mono<Instant> scanFloor(Instant now) {
        Instant monthAgo = now.minus(RECENT);
        Query last = Query.query(Criteria.where("receivedAt").gte(monthAgo)).with(newestFirst())
                .skip(SCANNED - 1L).limit(1);
        last.fields().include("receivedAt");
        return mongo.findOne(last, Document.class, "tickets")
                .map(oldest -> oldest.get("receivedAt", Date.class).toInstant())
                .defaultIfEmpty(monthAgo);
    }

    private static Criteria inDescriptionOrAddress(String word) {
        // escaped by hand rather than \Q…\E, which not every server's regular expressions know
        Pattern literally = Pattern.compile(word.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"),
                Pattern.CASE_INSENSITIVE);
        return new Criteria().orOperator(Criteria.where("description").regex(literally),
                Criteria.where("address").regex(literally));
    }

    private static Sort newestFirst() {
        return Sort.by(Sort.Direction.DESC, "receivedAt");
    }
}
