package org.hotline12345.embedded.blocking;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which a non-blocking thread waited for a lock ({@link EventLoopWaits}), naming where.
 * Registered for every integration test by JUnit's extension auto-detection, like the index audit.
 */
public final class EventLoopWaitsCheck implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        EventLoopWaits.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> waits = EventLoopWaits.drain();
        if (!waits.isEmpty()) {
            throw new AssertionError(waits.size() + " waits for a lock on a non-blocking thread; allow one in "
                    + "EventLoopAllowances with its reason, or move the work off the event loop:\n  "
                    + String.join("\n  ", waits));
        }
    }
}
