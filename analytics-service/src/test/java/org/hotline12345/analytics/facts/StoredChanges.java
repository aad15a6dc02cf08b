package org.hotline12345.analytics.facts;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** A fact's change applied to a document in memory, as the tests that need the stored fact without a database do. */
public final class StoredChanges {

    private StoredChanges() {
    }

    /** Applies {@code change} to {@code fact} as MongoDB's $set, $unset, $inc and $addToSet would. */
    public static void apply(FactUpdates.Change change, Document fact) {
        change.set().forEach(fact::put);
        change.unset().forEach(fact::remove);
        change.increment().forEach((field, by) -> fact.put(field, fact.getInteger(field, 0) + by));
        change.addToSet().forEach((field, value) -> {
            List<Object> values = new ArrayList<>(fact.getList(field, Object.class, List.of()));
            if (!values.contains(value)) {
                values.add(value);
            }
            fact.put(field, values);
        });
    }
}
