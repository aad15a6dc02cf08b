package org.hotline12345.platform.leases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A lease on one document at a time, kept in a field of the document itself: a claim is one find-and-modify that
 * matches only while the field is missing, null or past and sets it to the end of a new term, so of any number of
 * instances claiming the same document at once exactly one gets it. A holder gives the document back by clearing
 * the field with its own write; one that dies loses it when the term passes, so the term must be longer than the
 * work it guards.
 */
public class DocumentLease {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String field;
    private final Duration term;

    /** A lease held in {@code field} (an instant) of the documents it claims, for {@code term} at a time. */
    public DocumentLease(ReactiveMongoTemplate mongo, Clock clock, String field, Duration term) {
        this.mongo = mongo;
        this.clock = clock;
        this.field = field;
        this.term = term;
    }

    /** Claims the first document of {@code type} that {@code which} matches and nobody holds; see below. */
    public <T> Mono<T> claim(Criteria which, Class<T> type) {
        return claim(which, new Update(), type);
    }

    /**
     * Claims the first document of {@code type} that {@code which} matches and nobody holds, applying {@code also}
     * (to which the lease is added) in the same write, and answers it as it is after the claim; completes empty
     * when every match is held or none exists. {@code which} must be served by an index on its own: the lease
     * condition narrows nothing.
     */
    public <T> Mono<T> claim(Criteria which, Update also, Class<T> type) {
        Instant now = clock.instant();
        return mongo.findAndModify(new Query(which).addCriteria(free(now)), also.set(field, now.plus(term)),
                FindAndModifyOptions.options().returnNew(true), type);
    }

    /**
     * Claims up to {@code most} documents of {@code type} that {@code which} matches and nobody holds, in three
     * round trips whatever their number: their ids are read, all of them still free are claimed in one write that
     * also names this claim in {@code holderField}, and the ones this claim won are read back. Another instance
     * claiming at the same time wins the others; a document is never won twice. Completes with an empty list when
     * nothing is free. {@code which} must be served by an index on its own.
     */
    public <T> Mono<List<T>> claimAll(Criteria which, String holderField, int most, Class<T> type) {
        Instant now = clock.instant();
        String holder = UUID.randomUUID().toString();
        Query candidates = new Query(which).addCriteria(free(now)).limit(most);
        candidates.fields().include("_id");
        return mongo.find(candidates, org.bson.Document.class, mongo.getCollectionName(type))
                .map(candidate -> candidate.get("_id"))
                .collectList()
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)).addCriteria(free(now)),
                                new Update().set(field, now.plus(term)).set(holderField, holder), type)
                        .then(mongo.find(Query.query(Criteria.where("_id").in(ids).and(holderField).is(holder)), type)
                                .collectList()))
                .defaultIfEmpty(List.of());
    }

    /** Nobody holds the document: a null condition also matches a missing field. */
    private Criteria free(Instant now) {
        return new Criteria().orOperator(Criteria.where(field).is(null), Criteria.where(field).lte(now));
    }
}
