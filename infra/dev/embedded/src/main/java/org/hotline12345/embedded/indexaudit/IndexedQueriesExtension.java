package org.hotline12345.embedded.indexaudit;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when a query sent while it ran was not served by an index, naming each such query. Registered
 * for every test by JUnit's extension auto-detection (the build turns it on), so a new query without an index fails
 * the build the way it would fail a city's database.
 */
public final class IndexedQueriesExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        QueryLog.INSTANCE.drain();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<QueryLog.Query> unserved = QueryLog.INSTANCE.drain().stream()
                .filter(query -> !IndexedFilters.served(query.filter(), query.sort(),
                        QueryLog.INSTANCE.indexesOf(query.namespace())))
                .distinct()
                .toList();
        if (!unserved.isEmpty()) {
            throw new AssertionError(unserved.size() + " queries read a whole collection: no index serves them. "
                    + "Declare one (a CollectionIndexes bean next to the document) or change the query.\n  "
                    + unserved.stream().map(QueryLog.Query::toString).collect(Collectors.joining("\n  ")));
        }
    }
}
