package org.hotline12345.intake.tickets;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
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
 * of the city's calendar by an atomic counter, so several intake instances never hand out the same one.
 */
@Component
class TicketNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    TicketNumbers(ReactiveMongoTemplate mongo, Clock clock, City city) {
        this.mongo = mongo;
        this.clock = clock.withZone(city.zone());
    }

    Mono<String> next() {
        String day = LocalDate.now(clock).format(DAY);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(day)), new Update().inc("seq", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "ticket_numbers")
                .map(counter -> "12345-%s-%04d".formatted(day, ((Number) counter.get("seq")).longValue()));
    }
}
