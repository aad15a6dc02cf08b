package org.hotline12345.analytics.rollups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.hotline12345.analytics.facts.Fact;
import org.hotline12345.analytics.facts.PendingFacts;
import org.hotline12345.analytics.facts.PendingFacts.CountedFact;
import org.hotline12345.analytics.tables.Period;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Adds to the rollups what facts changed since the rollups counted them: for each fact its share as it is now
 * less its share as counted ({@link PendingFacts}), summed per rollup and group, so that a pass reads and writes
 * the rollups its facts touch and nothing else, however many tickets their days hold.
 *
 * <p>The rollups and the facts' record of what they count are two writes. So that a pass stopped between them
 * neither loses its changes nor adds them twice, it first writes all it is about to do to a journal; the next
 * pass or recount, under the same {@link RollupLease}, finishes a journal it finds before anything else. A rollup
 * written by a pass names it ({@code pass}), so finishing the pass again leaves that rollup alone.
 */
@Component
class RollupDeltas {

    static final String JOURNAL = "rollup_journal";
    /** The one journal there can be: passes run one at a time, under the lease. */
    private static final String UNFINISHED = "unfinished";
    private static final String PASS = "pass";
    /**
     * Rollups read and written at a time when a pass is finished. A rollup holds at most one group per unit, grid,
     * district, category or hour and category, so this bounds what a pass holds whatever the days its facts span.
     */
    static final int ROLLUPS_PER_WRITE = 50;

    private final ReactiveMongoTemplate mongo;
    private final PendingFacts facts;

    RollupDeltas(ReactiveMongoTemplate mongo, PendingFacts facts) {
        this.mongo = mongo;
        this.facts = facts;
    }

    /** Finishes the pass a journal holds, if one was stopped midway. */
    Mono<Void> finishUnfinished() {
        return mongo.findById(UNFINISHED, Document.class, JOURNAL).flatMap(this::finish);
    }

    /**
     * Adds the changes of {@code changed} to the rollups, and records that the rollups count each of them as read.
     * A fact never counted ({@link CountedFact#counted()} empty or {@code null}) adds its whole share.
     */
    Mono<Void> count(List<CountedFact> changed) {
        Document journal = journal(changed);
        return journal == null ? facts.countedAsRead(changed) : mongo.save(journal, JOURNAL).flatMap(this::finish);
    }

    /**
     * The journal of a pass counting {@code changed}: the change of each rollup they touch and the facts to record
     * as counted; {@code null} when they change no rollup.
     */
    static Document journal(List<CountedFact> changed) {
        Map<String, Map<String, long[]>> deltas = new TreeMap<>();
        for (CountedFact fact : changed) {
            Rollups.add(deltas, Rollups.share(Fact.from(fact.now())), 1);
            if (fact.counted() != null) {
                Rollups.add(deltas, Rollups.share(Fact.from(fact.counted())), -1);
            }
        }
        deltas.values().forEach(groups -> groups.values().removeIf(Rollups::isZero));
        deltas.values().removeIf(Map::isEmpty);
        if (deltas.isEmpty()) {
            return null;
        }
        List<Document> rollups = new ArrayList<>(deltas.size());
        deltas.forEach((id, groups) -> {
            String[] parts = id.split("\\|");
            rollups.add(Rollups.document(Period.named(parts[0]), parts[1], Dimension.named(parts[2]), groups));
        });
        List<Document> counted = changed.stream().map(fact -> new Document("_id", fact.id())
                .append("now", fact.now()).append("version", fact.version()).append("pending", fact.pending()))
                .toList();
        return new Document("_id", UNFINISHED).append(PASS, UUID.randomUUID().toString())
                .append("deltas", rollups).append("facts", counted);
    }

    /**
     * Adds the journal's deltas to each rollup not yet holding them, a few rollups at a time, records its facts
     * counted, drops it. A pass's facts can be spread over a year of days, and each rollup is read and written
     * whole: reading every rollup a pass touches at once would hold a year's rollups in memory.
     */
    Mono<Void> finish(Document journal) {
        String pass = journal.getString(PASS);
        List<Document> deltas = journal.getList("deltas", Document.class);
        List<CountedFact> counted = journal.getList("facts", Document.class).stream()
                .map(fact -> new CountedFact(fact.getString("_id"), fact.get("now", Document.class), null,
                        fact.get("version"), fact.getBoolean("pending", false)))
                .toList();
        return Flux.fromIterable(deltas).buffer(ROLLUPS_PER_WRITE)
                .concatMap(some -> add(pass, some), 1)
                .then(Mono.defer(() -> facts.countedAsRead(counted)))
                .then(Mono.defer(() -> mongo.remove(Query.query(Criteria.where("_id").is(UNFINISHED).and(PASS)
                        .is(pass)), JOURNAL)))
                .then();
    }

    /** Adds {@code deltas} of {@code pass} to the rollups not holding them yet: one read and one write. */
    private Mono<Void> add(String pass, List<Document> deltas) {
        Query touched = Query.query(Criteria.where("_id").in(deltas.stream().map(d -> d.getString("_id")).toList()));
        return mongo.find(touched, Document.class, Rollups.COLLECTION)
                .collectMap(rollup -> rollup.getString("_id"))
                .flatMap(stored -> {
                    ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Rollups.COLLECTION);
                    int writes = 0;
                    for (Document delta : deltas) {
                        Document rollup = stored.get(delta.getString("_id"));
                        if (rollup != null && pass.equals(rollup.getString(PASS))) {
                            continue;
                        }
                        Map<String, long[]> groups = new TreeMap<>();
                        if (rollup != null) {
                            groups.putAll(Rollups.counts(rollup));
                        }
                        Rollups.counts(delta).forEach((group, change) -> Rollups.add(
                                groups.computeIfAbsent(group, g -> Rollups.zero()), change));
                        groups.values().removeIf(Rollups::isZero);
                        Document updated = Rollups.document(Period.named(delta.getString("period")),
                                delta.getString("key"), Dimension.named(delta.getString("dimension")), groups)
                                .append(PASS, pass);
                        bulk.replaceOne(Query.query(Criteria.where("_id").is(updated.getString("_id"))), updated,
                                FindAndReplaceOptions.options().upsert());
                        writes++;
                    }
                    return writes == 0 ? Mono.empty() : bulk.execute().then();
                });
    }
}
