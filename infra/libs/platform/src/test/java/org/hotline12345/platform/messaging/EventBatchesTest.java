package org.hotline12345.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline12345.contracts.EventCodec;
import org.hotline12345.contracts.EventIds;
import org.hotline12345.contracts.TicketAccepted;
import org.hotline12345.contracts.TicketLifecycleEvent;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Mono;

/** What the listener container is told about a batch, so that only the record at fault is retried or parked. */
class EventBatchesTest {

    private final List<List<String>> handed = new ArrayList<>();

    @Test
    void handsTheWholeBatchOverOnceWhenItsWorkSucceeds() {
        EventBatches.handle(batch(accepted("a"), accepted("b"), accepted("c")), TicketLifecycleEvent.class,
                events -> record(events, null));

        assertThat(handed).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void findsTheRecordAtFaultOneByOneAndNamesItsPositionAlone() {
        assertThatThrownBy(() -> EventBatches.handle(batch(accepted("a"), accepted("bad"), accepted("c")),
                TicketLifecycleEvent.class, events -> record(events, "bad")))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasRootCauseMessage("a defect with bad");

        // the whole batch, then one by one up to the record that fails alone; the record after it comes again later
        assertThat(handed).containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"));
    }

    @Test
    void retriesTheWholeBatchFromItsFirstRecordWhenTheFailureIsTransient() {
        assertThatThrownBy(() -> EventBatches.handle(batch(accepted("a"), accepted("b")), TicketLifecycleEvent.class,
                events -> Mono.error(new DataAccessResourceFailureException("MongoDB away"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero());
    }

    @Test
    void givesUpWaitingForABatchWhoseWorkNeverEndsAndTriesItAgainLater() {
        assertThatThrownBy(() -> EventBatches.handle(batch(accepted("a"), accepted("b")), TicketLifecycleEvent.class,
                events -> Mono.<Void>never(), Duration.ofMillis(200)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isZero())
                .satisfies(failed -> assertThat(ConsumerFailures.isTransient(failed)).isTrue());
    }

    @Test
    void handlesTheRecordsBeforeAnUnreadableOneThenParksItAlone() {
        byte[] unreadable = "{\"type\":\"TicketAccepted\",".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventBatches.handle(batch(accepted("a"), unreadable, accepted("c")),
                TicketLifecycleEvent.class, events -> record(events, null)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(UnreadableEventException.class);
        assertThat(handed).containsExactly(List.of("a"));
    }

    private Mono<Void> record(List<? extends TicketLifecycleEvent> events, String failing) {
        List<String> ids = events.stream().map(TicketLifecycleEvent::ticketId).toList();
        handed.add(ids);
        return ids.contains(failing) ? Mono.error(new IllegalStateException("a defect with " + failing)) : Mono.empty();
    }

    private static byte[] accepted(String ticketId) {
        return EventCodec.write(new TicketAccepted(EventIds.of(ticketId, "TicketAccepted", 1), Instant.now(), ticketId,
                "URBAN_MGMT", true));
    }

    private static Message<List<byte[]>> batch(byte[]... records) {
        return MessageBuilder.withPayload(List.of(records)).build();
    }
}
