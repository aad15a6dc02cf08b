package org.hotline12345.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.HotlineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Hands the events of one polled batch of records to a handler that works them all at once (one read and one
 * write per collection instead of one per record), and tells the listener container which record failed when
 * something does, so that only that record is tried again or dead-lettered:
 * <ul>
 * <li>a record that is not JSON of the stream: the events before it are handled, then it is dead-lettered alone
 * ({@link UnreadableEventException}) and the records after it come again in the next poll;</li>
 * <li>a transient failure of the whole batch (MongoDB or the broker away): the batch is tried again from its first
 * record, with the back-off of transient failures, for as long as it takes;</li>
 * <li>any other failure: the batch is worked again one record at a time, and the first record that fails alone is
 * the one tried again and, in the end, dead-lettered; the records before it are done (handlers are idempotent by
 * event id), those after it come again.</li>
 * </ul>
 * Events of a type this service does not know yet (a newer producer) are skipped. The container's thread waits for
 * the batch's work, once per batch: offsets are committed only after it, which is what makes the work at least once.
 */
public final class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);
    /**
     * The longest the container's thread waits for a batch's work: a database operation is bounded on its own
     * ({@code hotline.mongo.operation-timeout}), but a chain that never signals would hold the partition past
     * {@code max.poll.interval.ms} (5 minutes) and, in the end, for ever. Past it the batch is a transient failure,
     * tried again with back-off like a database that does not answer.
     */
    private static final Duration LONGEST_BATCH = Duration.ofMinutes(2);

    private EventBatches() {
    }

    /** Works the events of {@code batch}, read as events of {@code stream}, with {@code handler}. */
    public static <T extends HotlineEvent> void handle(Message<List<byte[]>> batch, Class<T> stream,
            Function<List<T>, Mono<Void>> handler) {
        handle(batch, stream, handler, LONGEST_BATCH);
    }

    static <T extends HotlineEvent> void handle(Message<List<byte[]>> batch, Class<T> stream,
            Function<List<T>, Mono<Void>> handler, Duration longest) {
        List<byte[]> records = batch.getPayload();
        List<T> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        UnreadableEventException unreadable = null;
        int unreadableAt = -1;
        for (int i = 0; i < records.size(); i++) {
            T event;
            try {
                event = EventCodec.read(records.get(i), stream);
            } catch (JacksonException e) {
                unreadable = new UnreadableEventException("Not an event of " + stream.getSimpleName() + ": "
                        + e.getOriginalMessage(), e);
                unreadableAt = i;
                break;
            }
            if (event == null) {
                log.debug("Skipping an event of a type this service does not know");
                continue;
            }
            events.add(event);
            positions.add(i);
        }
        work(events, positions, handler, longest);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, unreadableAt);
        }
    }

    private static <T> void work(List<T> events, List<Integer> positions, Function<List<T>, Mono<Void>> handler,
            Duration longest) {
        if (events.isEmpty()) {
            return;
        }
        try {
            handler.apply(events).timeout(longest).block();
        } catch (RuntimeException failure) {
            if (ConsumerFailures.isTransient(failure)) {
                throw new BatchListenerFailedException("The batch failed; it is tried again", failure,
                        positions.get(0));
            }
            if (events.size() == 1) {
                throw new BatchListenerFailedException("A record failed", failure, positions.get(0));
            }
            log.debug("A batch of {} events failed; working them one by one to find the one at fault",
                    events.size(), failure);
            for (int i = 0; i < events.size(); i++) {
                try {
                    handler.apply(List.of(events.get(i))).timeout(longest).block();
                } catch (RuntimeException alone) {
                    throw new BatchListenerFailedException("A record failed", alone, positions.get(i));
                }
            }
        }
    }
}
