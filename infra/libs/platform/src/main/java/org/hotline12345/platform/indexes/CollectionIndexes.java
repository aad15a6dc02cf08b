package org.hotline12345.platform.indexes;

import java.util.List;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes one collection needs, declared as a bean next to the documents they serve. Every query the service
 * sends must be served by {@code _id} or by the leading key of one of these; the integration tests check it.
 *
 * @param collection the collection's name
 * @param indexes its indexes besides {@code _id}; each must be named, so that a changed definition is a clear
 *     conflict at start-up rather than a second index
 */
public record CollectionIndexes(String collection, List<Index> indexes) {

    public CollectionIndexes {
        indexes = List.copyOf(indexes);
        for (Index index : indexes) {
            if (!index.getIndexOptions().containsKey("name")) {
                throw new IllegalArgumentException("An index of " + collection + " has no name: "
                        + index.getIndexKeys().toJson());
            }
        }
    }

    public static CollectionIndexes of(String collection, Index... indexes) {
        return new CollectionIndexes(collection, List.of(indexes));
    }
}
