package org.hotline12345.analytics.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Facts as the rollups count them: what a fact holds now of the {@link Fact#COUNTED_FIELDS}, and what the rollups
 * counted of it ({@link Fields#COUNTED}). The rollups hold, for every fact, exactly what its {@code counted} says;
 * a fact whose counted fields changed since is {@link Fields#PENDING}, and the difference is what the rollups have
 * yet to add. Each read is served by an index of {@link FactIndexes}.
 */
@Component
public class PendingFacts {

    private static final String[] READ = readFields();

    private final ReactiveMongoTemplate mongo;

    PendingFacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** At most {@code limit} facts whose change the rollups have not counted yet. */
    public Flux<CountedFact> pending(int limit) {
        Query query = Query.query(Criteria.where(Fields.PENDING).is(true)).limit(limit);
        query.fields().include(READ);
        return mongo.find(query, Document.class, FactRecorder.COLLECTION).map(CountedFact::of);
    }

    /**
     * Every fact of a ticket received on {@code day}, fetched from the database as they are asked for: a day can
     * hold more facts than fit in memory at once, so a reader takes a page at a time.
     */
    public Flux<CountedFact> receivedOn(LocalDate day) {
        Query query = Query.query(Criteria.where(Fields.RECEIVED_DAY).is(day.toString()));
        query.fields().include(READ);
        return mongo.find(query, Document.class, FactRecorder.COLLECTION).map(CountedFact::of);
    }

    /**
     * Records that the rollups now count each of {@code facts} as it was when read: its {@code counted} becomes
     * that, and it stops being pending unless it changed since (its version moved on). One bulk write, one
     * change to each fact.
     */
    public Mono<Void> countedAsRead(List<CountedFact> facts) {
        if (facts.isEmpty()) {
            return Mono.empty();
        }
        // ordered: a version only rises, so when the first write of a fact misses, the second matches
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, FactRecorder.COLLECTION);
        for (CountedFact fact : facts) {
            if (!fact.pending()) {
                bulk.updateOne(Query.query(Criteria.where(Fields.ID).is(fact.id())),
                        new Update().set(Fields.COUNTED, fact.now()));
                continue;
            }
            // one of the two matches: nearly always the first, so that a fact is written once, not twice
            bulk.updateOne(Query.query(Criteria.where(Fields.ID).is(fact.id()).and(Fields.VERSION)
                    .is(fact.version())), new Update().set(Fields.COUNTED, fact.now()).unset(Fields.PENDING));
            bulk.updateOne(Query.query(Criteria.where(Fields.ID).is(fact.id()).and(Fields.VERSION)
                    .ne(fact.version())), new Update().set(Fields.COUNTED, fact.now()));
        }
        return bulk.execute().then();
    }

    private static String[] readFields() {
        List<String> fields = new ArrayList<>(Fact.COUNTED_FIELDS);
        fields.addAll(List.of(Fields.COUNTED, Fields.VERSION, Fields.PENDING));
        return fields.toArray(String[]::new);
    }

    /**
     * One fact as the rollups see it.
     *
     * @param now its counted fields as they are
     * @param counted its counted fields as the rollups count them; {@code null} for a fact stored before rollups
     *     were kept this way, whose share in them is not known (its day must be counted again whole)
     * @param version its version when read, as stored
     * @param pending whether a change to it is not counted yet
     */
    public record CountedFact(String id, Document now, Document counted, Object version, boolean pending) {

        static CountedFact of(Document fact) {
            Document now = new Document();
            for (String field : Fact.COUNTED_FIELDS) {
                if (fact.containsKey(field)) {
                    now.put(field, fact.get(field));
                }
            }
            return new CountedFact(fact.getString(Fields.ID), now, fact.get(Fields.COUNTED, Document.class),
                    fact.get(Fields.VERSION), Boolean.TRUE.equals(fact.get(Fields.PENDING)));
        }

        /** Whether the rollups count it as it is now. */
        public boolean countedAsIs() {
            return !pending && now.equals(counted);
        }
    }
}
