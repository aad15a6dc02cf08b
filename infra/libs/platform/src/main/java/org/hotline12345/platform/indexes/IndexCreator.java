package org.hotline12345.platform.indexes;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates every declared index once the beans exist and before any consumer, sweep or request runs, so that no
 * query ever meets a collection without its index. Creating an index that exists with the same definition does
 * nothing, on a replica set and on the embedded server alike; anything else (a conflicting definition, duplicate
 * keys under a new unique index, an unreachable database) stops the start with the index and the reason.
 */
public class IndexCreator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexCreator.class);

    private final ReactiveMongoTemplate mongo;
    private final List<CollectionIndexes> declared;

    public IndexCreator(ReactiveMongoTemplate mongo, List<CollectionIndexes> declared) {
        this.mongo = mongo;
        this.declared = List.copyOf(declared);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Long created = Flux.fromIterable(declared)
                .concatMap(collection -> Flux.fromIterable(collection.indexes())
                        .concatMap(index -> create(collection.collection(), index)))
                .count()
                .block();
        log.info("{} indexes in place on {} collections of {}", created, declared.size(), mongo.getMongoDatabase()
                .map(MongoDatabase::getName).block());
    }

    /**
     * Sends {@code createIndexes} without the operation timeout: building an index on a large collection of a
     * replica set takes as long as it takes, and the service must not start without it.
     */
    private Mono<Document> create(String collection, Index index) {
        Document spec = new Document("key", index.getIndexKeys());
        spec.putAll(index.getIndexOptions());
        Document command = new Document("createIndexes", collection).append("indexes", List.of(spec));
        return mongo.getMongoDatabase()
                .flatMap(database -> Mono.from(database.withTimeout(0, TimeUnit.MILLISECONDS).runCommand(command)))
                .onErrorMap(e -> new IllegalStateException("Could not create the index "
                        + index.getIndexOptions().get("name") + " " + index.getIndexKeys().toJson() + " on "
                        + collection + ": " + e.getMessage() + ". The service does not start without the indexes "
                        + "its queries need; if an index of that name exists with another definition, drop it "
                        + "and start again.", e));
    }
}
