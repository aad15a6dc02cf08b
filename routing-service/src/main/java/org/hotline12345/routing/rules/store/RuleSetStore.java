package org.hotline12345.routing.rules.store;

import org.hotline12345.routing.rules.RuleSet;
import java.time.Clock;
import org.hotline12345.referencedata.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline12345.platform.messaging.PrerequisiteMissingException;
import org.hotline12345.platform.problem.InvalidRequestException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned rule sets in MongoDB; the highest version is the active one. A new database starts with the
 * sample city's first rule set, stored before any consumer starts, so that no ticket meets an empty store.
 */
@Component
public class RuleSetStore implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RuleSetStore.class);

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final City city;
    /** The last rule set built, kept while its version is the active one. */
    private volatile RuleSet built;

    RuleSetStore(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock, City city) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.city = city;
    }

    /**
     * The rule set new tickets are routed by. Only the active version's number is read (one small read, which a
     * batch of tickets shares); the rules are read and rebuilt when that number changed, whichever instance
     * stored the new version.
     */
    public Mono<RuleSet> active() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        newest.fields().include("_id");
        return mongo.findOne(newest, org.bson.Document.class, mongo.getCollectionName(StoredRuleSet.class))
                .switchIfEmpty(Mono.error(() -> new PrerequisiteMissingException("no routing rule set is stored")))
                .flatMap(version -> {
                    RuleSet cached = built;
                    if (cached != null && cached.version() == version.getInteger("_id")) {
                        return Mono.just(cached);
                    }
                    return activeStored().map(StoredRuleSet::toDomain).doOnNext(rebuilt -> built = rebuilt);
                });
    }

    Mono<StoredRuleSet> activeStored() {
        return mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), StoredRuleSet.class)
                .switchIfEmpty(Mono.error(() -> new PrerequisiteMissingException("no routing rule set is stored")));
    }

    @Override
    public void afterSingletonsInstantiated() {
        StoredRuleSet first = json.readValue(city.firstRuleSet(), StoredRuleSet.class);
        try {
            // checked as an administrator's rule set is, so that a city's rules.json that could not route every
            // ticket stops the start instead of failing ticket after ticket
            new RuleSetProposal(first.description(), first.rules()).toDomain(first.version(),
                    CityRules.validator(city));
        } catch (InvalidRequestException refused) {
            throw new IllegalStateException("The city's first rule set (rules.json) cannot be used: "
                    + refused.fieldErrors());
        }
        StoredRuleSet seeded = new StoredRuleSet(first.version(), first.description(), first.rules(),
                clock.instant(), "reference-data");
        mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), StoredRuleSet.class)
                .hasElement()
                .filter(any -> !any)
                .flatMap(none -> mongo.insert(seeded))
                .doOnNext(saved -> log.info("Seeded routing rule set version {} with {} rules", saved.version(),
                        saved.rules().size()))
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .block();
    }
}
