package org.hotline12345.loadtest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Follows the hub's consumer groups from snapshots of their offsets and tells when they have read everything: every
 * partition's committed offset at its end, or short of it only by records no consumer can read, and nothing new
 * produced or consumed for a settling time. It says when that state was first seen, so the settling time and the
 * polling do not count in the figure.
 *
 * <p>Transactional producers end every transaction with a marker that takes an offset, and a consumer commits the
 * offset after its last record, which is the marker's; until the next record that partition shows a lag of one that
 * is not work left. So a lag that stops moving is read once from the committed offset, and counts as drained only if
 * nothing readable is there. The hub's services publish every event in a transaction.
 */
final class Drain {

    /** One consumer group's position on one partition. */
    record GroupPartition(String group, String topic, int partition) {
    }

    /** A group's committed offset on a partition and the partition's end offset. */
    record Offsets(long committed, long end) {

        long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final long settleNanos;
    private final Map<GroupPartition, Offsets> unreadable = new HashMap<>();
    private Map<GroupPartition, Offsets> state = Map.of();
    private long stateSince;
    private boolean answered;
    private long peakLag;

    /** Drained means unchanged for {@code settleNanos} at least. */
    Drain(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /**
     * Takes the offsets seen at {@code now} ({@link System#nanoTime()}); true when they differ from the last ones
     * taken, that is when a new state starts at {@code now}.
     */
    boolean observe(long now, Map<GroupPartition, Offsets> offsets) {
        peakLag = Math.max(peakLag, total(offsets));
        if (offsets.equals(state)) {
            return false;
        }
        state = Map.copyOf(offsets);
        stateSince = now;
        return true;
    }

    /**
     * Every call has been answered: from the next snapshot on, a state can be the last one. A state already seen
     * before cannot, since the last calls' events may not be in it.
     */
    void answered() {
        answered = true;
        state = Map.of();
    }

    /** Partitions behind by offsets that have not moved for the settling time and have not been read yet. */
    Map<GroupPartition, Offsets> toRead(long now) {
        Map<GroupPartition, Offsets> waiting = new LinkedHashMap<>();
        if (!answered || now - stateSince < settleNanos) {
            return waiting;
        }
        state.forEach((partition, offsets) -> {
            if (offsets.lag() > 0 && !offsets.equals(unreadable.get(partition))) {
                waiting.put(partition, offsets);
            }
        });
        return waiting;
    }

    /** What reading a partition found: whether any record a consumer would get lies between its offsets. */
    void read(GroupPartition partition, Offsets offsets, boolean holdsRecords) {
        if (holdsRecords) {
            unreadable.remove(partition);
        } else {
            unreadable.put(partition, offsets);
        }
    }

    /** When the groups were first seen drained, once they have stayed so for the settling time. */
    OptionalLong drainedSince(long now) {
        if (!answered || state.isEmpty() || now - stateSince < settleNanos) {
            return OptionalLong.empty();
        }
        boolean drained = state.entrySet().stream().allMatch(e -> e.getValue().lag() == 0
                || e.getValue().equals(unreadable.get(e.getKey())));
        return drained ? OptionalLong.of(stateSince) : OptionalLong.empty();
    }

    /** The most records the groups had left to read at once, summed over them. */
    long peakLag() {
        return peakLag;
    }

    /** Records left to read in the last snapshot, summed over the groups. */
    long lag() {
        return total(state);
    }

    /** Records left to read in the last snapshot, per group. */
    Map<String, Long> lagByGroup() {
        Map<String, Long> lag = new java.util.TreeMap<>();
        state.forEach((partition, offsets) -> lag.merge(partition.group(), offsets.lag(), Long::sum));
        return lag;
    }

    private static long total(Map<GroupPartition, Offsets> offsets) {
        return offsets.values().stream().mapToLong(Offsets::lag).sum();
    }
}
