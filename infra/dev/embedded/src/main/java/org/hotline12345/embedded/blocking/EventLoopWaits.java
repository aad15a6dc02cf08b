package org.hotline12345.embedded.blocking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * The waits for a lock on non-blocking threads that BlockHound let through ({@link EventLoopAllowances}) since they
 * were last drained, with their stacks, for {@link EventLoopWaitsCheck} to fail the test they happened in. Needs no
 * BlockHound itself, so that modules whose tests run without it load the check unharmed.
 */
public final class EventLoopWaits {

    private static final int KEPT = 20;
    private static final Queue<String> waits = new ConcurrentLinkedQueue<>();

    private EventLoopWaits() {
    }

    /** Keeps the current thread's wait for {@code lock}, with its stack. */
    static void report(String lock) {
        if (waits.size() < KEPT) {
            waits.add(Thread.currentThread().getName() + " waited for a lock (" + lock + ")\n      at "
                    + Arrays.stream(Thread.currentThread().getStackTrace()).skip(3).limit(40)
                            .map(StackTraceElement::toString).collect(Collectors.joining("\n      at ")));
        }
    }

    /** The waits kept since the last call, which forgets them. */
    public static List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String wait = waits.poll(); wait != null; wait = waits.poll()) {
            drained.add(wait);
        }
        return drained;
    }
}
