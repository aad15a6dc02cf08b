package org.hotline12345.notification.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Inserts many documents whose ids say what they are for (a ticket, an event) with one write, where a document
 * already stored under its id is no failure but the sign that its work was done before: by an earlier delivery of
 * the same event, or by another instance at the same moment.
 */
public final class NewDocuments {

    private NewDocuments() {
    }

    /**
     * Inserts {@code documents} of {@code type} with one unordered write; completes with those that were new, in
     * their order, leaving out those whose id was taken. Any other failure fails it.
     */
    public static <T> Mono<List<T>> insert(ReactiveMongoTemplate mongo, Class<T> type, List<T> documents) {
        if (documents.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.bulkOps(BulkMode.UNORDERED, type).insert(documents).execute()
                .thenReturn(documents)
                .onErrorResume(failure -> takenOnly(failure) != null, failure -> {
                    Set<Integer> taken = takenOnly(failure).getWriteErrors().stream().map(BulkWriteError::getIndex)
                            .collect(Collectors.toSet());
                    List<T> created = new ArrayList<>(documents.size() - taken.size());
                    for (int i = 0; i < documents.size(); i++) {
                        if (!taken.contains(i)) {
                            created.add(documents.get(i));
                        }
                    }
                    return Mono.just(created);
                });
    }

    /** The bulk write's failure when every document it refused was refused for an id already taken, else null. */
    private static MongoBulkWriteException takenOnly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                boolean onlyTaken = bulk.getWriteConcernError() == null && bulk.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                return onlyTaken ? bulk : null;
            }
        }
        return null;
    }
}
