package org.hotline12345.analytics.facts;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The days of receipt whose rollups are to be counted again whole from their facts: the days of a recount until it
 * finished, and the day of a fact stored before the rollups recorded what they count of each fact. Each mark
 * carries a version, so a day marked again while it is being counted stays marked for the next pass.
 */
@Component
public class ChangedDays {

    static final String COLLECTION = "rollup_changes";

    private final ReactiveMongoTemplate mongo;

    ChangedDays(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Marks {@code day} ({@code yyyy-MM-dd}) and completes with the mark as it now is: a count of the day that reads
     * its facts after this and clears only this version leaves the day marked if it is marked again meanwhile.
     */
    public Mono<Mark> mark(String day) {
        Mono<Document> mark = Mono.defer(() -> mongo.findAndModify(Query.query(Criteria.where("_id").is(day)),
                new Update().inc("version", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION));
        // two first marks of a day at once: the loser's insert collides, and its increment must still happen
        return mark.onErrorResume(DuplicateKeyException.class, created -> mark)
                .map(d -> new Mark(d.getString("_id"), ((Number) d.get("version")).longValue()));
    }

    /** The marked days with their versions, oldest day first, at most {@code limit}. */
    public Flux<Mark> marked(int limit) {
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")).limit(limit),
                Document.class, COLLECTION)
                .map(d -> new Mark(d.getString("_id"), ((Number) d.get("version")).longValue()));
    }

    /** Removes the mark of a day that was counted at {@code mark}'s version and has not changed since. */
    public Mono<Boolean> clear(Mark mark) {
        return mongo.remove(Query.query(Criteria.where("_id").is(mark.day()).and("version").is(mark.version())),
                COLLECTION).map(result -> result.getDeletedCount() > 0);
    }

    /** A changed day and the version of its mark. */
    public record Mark(String day, long version) {
    }
}
