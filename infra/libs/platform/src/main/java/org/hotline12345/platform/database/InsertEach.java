package org.hotline12345.platform.database;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Many documents inserted in one unordered round trip, with what became of each: a document refused (its key taken,
 * most often) does not keep the others out, and its caller learns which one it was.
 */
public final class InsertEach {

    /** MongoDB's code for a write refused because a unique key is taken. */
    public static final int DUPLICATE_KEY = 11000;

    private InsertEach() {
    }

    /**
     * Inserts {@code documents} into {@code collection}; completes with the refusals by the documents' index (empty
     * when every one was stored), or fails when the write as a whole did.
     */
    public static Mono<Map<Integer, BulkWriteError>> insert(ReactiveMongoTemplate mongo, String collection,
            List<Document> documents) {
        return mongo.getCollection(collection)
                .flatMap(into -> Mono.from(into.insertMany(documents, new InsertManyOptions().ordered(false))))
                .then(Mono.fromSupplier(Map::<Integer, BulkWriteError>of))
                .onErrorResume(MongoBulkWriteException.class, partly -> {
                    Map<Integer, BulkWriteError> refused = new HashMap<>();
                    partly.getWriteErrors().forEach(error -> refused.put(error.getIndex(), error));
                    return Mono.just(refused);
                });
    }

    /** Whether {@code error} refused a document because its unique key was taken. */
    public static boolean duplicate(BulkWriteError error) {
        return error.getCode() == DUPLICATE_KEY;
    }
}
