package org.hotline12345.analytics.facts;

import java.time.Instant;
import java.util.Collection;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact.Fields;
import org.hotline12345.analytics.tables.DayRange;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads facts, each read served by an index of {@link FactIndexes}: by day of receipt, by the deadline of tickets
 * still open, or by id. Each read names the fields it needs, so a question over many days moves no more than it
 * counts.
 */
@Component
public class Facts {

    private final ReactiveMongoTemplate mongo;

    Facts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The facts of tickets received in {@code days}. */
    public Flux<Fact> receivedIn(DayRange days, String... fields) {
        return find(receivedIn(days), fields);
    }

    /**
     * The facts of tickets not closed whose resolve deadline, or whose accept deadline while no unit signed for
     * them, is before {@code now}: every ticket that can be overdue, each once. The second read leaves out what
     * the first one gave, so that no set of the ids seen, as large as the overdue backlog, is kept.
     */
    public Flux<Fact> openPastDeadline(Instant now, String... fields) {
        return Flux.concat(find(Criteria.where(Fields.OPEN_ACCEPT_BY).lt(now), fields),
                find(Criteria.where(Fields.OPEN_RESOLVE_BY).lt(now).orOperator(
                        Criteria.where(Fields.OPEN_ACCEPT_BY).is(null),
                        Criteria.where(Fields.OPEN_ACCEPT_BY).gte(now)), fields));
    }

    /** The facts of questions received in {@code days} and not answered on the call ({@link QuestionWords}). */
    public Flux<Fact> questionsIn(DayRange days, String... fields) {
        return find(Criteria.where(Fields.QUESTION_DAY).gte(days.from().toString()).lte(days.to().toString()),
                fields);
    }

    public Flux<Fact> byIds(Collection<String> ids, String... fields) {
        return find(Criteria.where(Fields.ID).in(ids), fields);
    }

    /** The criteria of tickets received in {@code days}, for aggregations over them. */
    public static Criteria receivedIn(DayRange days) {
        return Criteria.where(Fields.RECEIVED_DAY).gte(days.from().toString()).lte(days.to().toString());
    }

    private Flux<Fact> find(Criteria criteria, String... fields) {
        Query query = Query.query(criteria);
        query.fields().include(fields);
        return mongo.find(query, Document.class, FactRecorder.COLLECTION).map(Fact::from);
    }
}
