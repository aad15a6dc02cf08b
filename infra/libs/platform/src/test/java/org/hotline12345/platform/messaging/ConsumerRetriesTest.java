package org.hotline12345.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline12345.embedded.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;

class ConsumerRetriesTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final ConsumerRetries retries = new ConsumerRetries(clock);
    private final RetryListener failures = retries.listener("notification");
    private final RecordInterceptor<String, String> handled = retries.interceptor();

    @Test
    void isOutOfServiceWhileAPartitionWaitsOnARecord() {
        failures.failedDelivery(record(0, 41), new PrerequisiteMissingException("no receipt yet"), 3);

        assertThat(retries.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(retries.health().getDetails()).extractingByKey("retrying").asString()
                .contains("hotline.routing.tickets-0", "offset=41", "attempts=3", "no receipt yet");
    }

    @Test
    void isUpAsSoonAsTheRecordItWaitedOnIsHandled() {
        failures.failedDelivery(record(0, 41), new PrerequisiteMissingException("no receipt yet"), 3);
        clock.advance(Duration.ofSeconds(2));

        handled.success(record(0, 41), null);

        assertThat(retries.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isUpAsSoonAsTheRecordItWaitedOnIsDeadLettered() {
        failures.failedDelivery(record(0, 41), new IllegalStateException("a defect"), 4);

        failures.recovered(record(0, 41), new IllegalStateException("a defect"));

        assertThat(retries.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void staysOutOfServiceWhileAnotherPartitionStillWaits() {
        failures.failedDelivery(record(0, 41), new PrerequisiteMissingException("no receipt yet"), 3);
        failures.failedDelivery(record(1, 7), new PrerequisiteMissingException("no receipt yet"), 1);

        handled.success(record(0, 41), null);

        assertThat(retries.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(retries.health().getDetails()).extractingByKey("retrying").asString()
                .contains("hotline.routing.tickets-1").doesNotContain("hotline.routing.tickets-0");
    }

    @Test
    void forgetsAWaitWhosePartitionWentToAnotherInstance() {
        failures.failedDelivery(record(0, 41), new PrerequisiteMissingException("no receipt yet"), 3);

        clock.advance(ConsumerRetries.RECENT.plusSeconds(1));

        assertThat(retries.health().getStatus()).isEqualTo(Status.UP);
    }

    private static ConsumerRecord<String, String> record(int partition, long offset) {
        return new ConsumerRecord<>("hotline.routing.tickets", partition, offset, "ticket-1", "{}");
    }
}
