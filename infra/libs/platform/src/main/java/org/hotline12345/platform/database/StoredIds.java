package org.hotline12345.platform.database;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/** Which of some documents are stored: one read of their ids, served by {@code _id}, returning nothing else. */
public final class StoredIds {

    private StoredIds() {
    }

    /** The ones of {@code ids} that {@code collection} holds. */
    public static Mono<Set<String>> among(ReactiveMongoTemplate mongo, String collection, Collection<String> ids) {
        Query stored = Query.query(Criteria.where("_id").in(ids));
        stored.fields().include("_id");
        return mongo.find(stored, Document.class, collection)
                .map(document -> document.getString("_id"))
                .collect(Collectors.toSet());
    }
}
