package org.hotline12345.notification.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Texts per number and city day from public channels, counted with one atomic increment per number and day, so
 * that every notification instance counts together and racing texts cannot all slip under the cap. Counts expire a
 * day after their day.
 */
@Component
class DailyTexts {

    static final String COLLECTION = "daily_texts";

    private final ReactiveMongoTemplate mongo;

    DailyTexts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Counts {@code texts} more texts to {@code phoneHash} on the city day of {@code now}; completes with the day's
     * count after them, so that they are the last {@code texts} of that count.
     */
    Mono<Long> count(String phoneHash, Instant now, ZoneId zone, int texts) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        Instant expiresAt = day.plusDays(2).atStartOfDay(zone).toInstant();
        Mono<Document> count = Mono.defer(() -> mongo.findAndModify(
                Query.query(Criteria.where("_id").is(phoneHash + "|" + day)),
                new Update().inc("count", texts).setOnInsert("expiresAt", expiresAt),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION));
        // two first texts of a day at once: the loser's insert collides, and its count must still happen
        return count.onErrorResume(DuplicateKeyException.class, raced -> count)
                .map(counted -> ((Number) counted.get("count")).longValue());
    }
}
