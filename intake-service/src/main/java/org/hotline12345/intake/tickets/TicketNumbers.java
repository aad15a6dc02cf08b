package org.hotline12345.intake.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.hotline12345.platform.problem.DependencyUnavailableException;
import org.hotline12345.referencedata.City;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Human ticket numbers that can be read out on the phone: {@code 12345-YYYYMMDD-NNNN}, numbered from 1 each day
 * of the city's calendar. An instance reserves a block of {@link #BLOCK} numbers with one atomic increment of the
 * day's counter and hands them out from memory, so several intake instances never hand out the same one and a
 * call costs no round trip for its number. A block not used up when an instance stops, or when the day ends,
 * leaves a gap in the day's numbers: numbers are unique and rising per instance, not gapless.
 */
@Component
class TicketNumbers {

    /** Numbers reserved at once: a few seconds of a busy hour's calls, and at most that many skipped on a restart. */
    static final int BLOCK = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Duration RESERVATION_WAIT = Duration.ofSeconds(5);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private Block block;
    private Mono<Void> reserving;
    private Object reservingToken;

    TicketNumbers(ReactiveMongoTemplate mongo, Clock clock, City city) {
        this.mongo = mongo;
        this.clock = clock.withZone(city.zone());
    }

    Mono<String> next() {
        String day = LocalDate.now(clock).format(DAY);
        return Mono.defer(() -> next(day)).map(number -> "12345-%s-%04d".formatted(day, number));
    }

    private Mono<Long> next(String day) {
        Long number = take(day);
        return number != null ? Mono.just(number) : reservation(day).then(Mono.defer(() -> next(day)));
    }

    /** The next number of the block held for {@code day}, or null when none is left. */
    private synchronized Long take(String day) {
        if (block == null || !block.day().equals(day) || block.next() > block.last()) {
            return null;
        }
        long number = block.next();
        block = new Block(day, number + 1, block.last());
        return number;
    }

    /**
     * The reservation of a new block of the day's numbers: one at a time, shared by every call that found the block
     * used up meanwhile, so that a burst of calls reserves one block, not one each.
     */
    private synchronized Mono<Void> reservation(String day) {
        if (reserving == null) {
            Object mine = new Object();
            reservingToken = mine;
            reserving = mongo.findAndModify(Query.query(Criteria.where("_id").is(day)), new Update().inc("seq", BLOCK),
                            FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                            "ticket_numbers")
                    .doOnNext(counter -> offer(day, ((Number) counter.get("seq")).longValue()))
                    // every call waits on this one reservation: bounded, so that a stalled database fails them (503)
                    // and the next call reserves afresh, instead of all waiting on it
                    .timeout(RESERVATION_WAIT, Mono.error(() -> new DependencyUnavailableException(
                            "The database did not give a ticket number in time; nothing was registered. Try again.")))
                    // cleared before the waiting calls hear of it: a call that finds this block used up (more calls
                    // waited than it holds) must start the next reservation, not subscribe again to this finished one,
                    // which answered at once, round and round, until the stack overflowed
                    .doOnTerminate(() -> reserved(mine))
                    .doOnCancel(() -> reserved(mine))
                    .then()
                    .cache();
        }
        return reserving;
    }

    private synchronized void offer(String day, long last) {
        block = new Block(day, last - BLOCK + 1, last);
    }

    private synchronized void reserved(Object token) {
        if (reservingToken == token) {
            reserving = null;
            reservingToken = null;
        }
    }

    /** The numbers {@code next} to {@code last} of {@code day}, reserved by this instance. */
    private record Block(String day, long next, long last) {
    }
}
