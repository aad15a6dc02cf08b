package org.hotline12345.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hotline12345.loadtest.Drain.GroupPartition;
import org.hotline12345.loadtest.Drain.Offsets;
import org.junit.jupiter.api.Test;

class DrainTest {

    private static final long SECOND = 1_000_000_000L;
    private static final GroupPartition ROUTING_0 = new GroupPartition("routing", "hotline.tickets", 0);
    private static final GroupPartition NOTIFICATION_0 = new GroupPartition("notification", "hotline.tickets", 0);

    private final Drain drain = new Drain(SECOND);

    @Test
    void isNotDrainedBeforeEveryCallWasAnsweredEvenAtLagZero() {
        drain.observe(0, Map.of(ROUTING_0, new Offsets(10, 10)));

        assertThat(drain.drainedSince(5 * SECOND)).isEmpty();
    }

    @Test
    void givesTheMomentLagZeroWasFirstSeenOnceItHeldForTheSettlingTime() {
        drain.observe(0, Map.of(ROUTING_0, new Offsets(0, 50)));
        drain.answered();
        drain.observe(SECOND / 4, Map.of(ROUTING_0, new Offsets(30, 50)));
        drain.observe(SECOND / 2, Map.of(ROUTING_0, new Offsets(50, 50)));
        drain.observe(SECOND, Map.of(ROUTING_0, new Offsets(50, 50)));

        assertThat(drain.drainedSince(SECOND)).isEmpty();

        drain.observe(3 * SECOND / 2, Map.of(ROUTING_0, new Offsets(50, 50)));

        assertThat(drain.drainedSince(3 * SECOND / 2)).hasValue(SECOND / 2);
    }

    @Test
    void startsOverWhenARecordIsProducedWhileSettling() {
        drain.answered();
        drain.observe(0, Map.of(ROUTING_0, new Offsets(50, 50), NOTIFICATION_0, new Offsets(7, 7)));
        drain.observe(SECOND / 2, Map.of(ROUTING_0, new Offsets(50, 50), NOTIFICATION_0, new Offsets(7, 8)));
        drain.observe(SECOND, Map.of(ROUTING_0, new Offsets(50, 50), NOTIFICATION_0, new Offsets(8, 8)));

        assertThat(drain.drainedSince(3 * SECOND / 2)).isEmpty();
        assertThat(drain.drainedSince(2 * SECOND)).hasValue(SECOND);
    }

    @Test
    void countsAStandingLagAsDrainedOnlyOnceReadingFoundNothingThere() {
        Offsets markerLeft = new Offsets(49, 50);
        drain.answered();
        drain.observe(0, Map.of(ROUTING_0, markerLeft));

        assertThat(drain.toRead(SECOND / 2)).isEmpty();
        assertThat(drain.toRead(SECOND)).containsExactly(Map.entry(ROUTING_0, markerLeft));
        assertThat(drain.drainedSince(SECOND)).isEmpty();

        drain.read(ROUTING_0, markerLeft, false);

        assertThat(drain.toRead(SECOND)).isEmpty();
        assertThat(drain.drainedSince(SECOND)).hasValue(0);
    }

    @Test
    void keepsWaitingWhileAStandingLagHoldsRecords() {
        Offsets stuck = new Offsets(40, 50);
        drain.answered();
        drain.observe(0, Map.of(ROUTING_0, stuck));
        drain.read(ROUTING_0, stuck, true);

        assertThat(drain.drainedSince(10 * SECOND)).isEmpty();
        assertThat(drain.lagByGroup()).containsExactly(Map.entry("routing", 10L));
    }

    @Test
    void doesNotCarryAnEarlierUnreadableFindingToOtherOffsets() {
        drain.answered();
        drain.observe(0, Map.of(ROUTING_0, new Offsets(49, 50)));
        drain.read(ROUTING_0, new Offsets(49, 50), false);
        drain.observe(SECOND, Map.of(ROUTING_0, new Offsets(59, 60)));

        assertThat(drain.drainedSince(2 * SECOND)).isEmpty();
        assertThat(drain.toRead(2 * SECOND)).containsOnlyKeys(ROUTING_0);
    }

    @Test
    void remembersTheMostRecordsLeftAtOnceOverAllGroups() {
        drain.observe(0, Map.of(ROUTING_0, new Offsets(0, 30), NOTIFICATION_0, new Offsets(0, 20)));
        drain.observe(SECOND, Map.of(ROUTING_0, new Offsets(30, 40), NOTIFICATION_0, new Offsets(10, 40)));

        assertThat(drain.peakLag()).isEqualTo(50);
        assertThat(drain.lag()).isEqualTo(40);
    }
}
