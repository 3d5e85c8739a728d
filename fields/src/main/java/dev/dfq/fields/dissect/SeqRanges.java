package dev.dfq.fields.dissect;

import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of one TCP direction's sequence space seen so far, as disjoint ranges (adjacent and
 * overlapping segments merged): their number is Wireshark 4.6's contiguity count
 * (tcp.stream.client/server.contiguity_count), 1 when nothing is missing. Made on first use.
 */
final class SeqRanges {
    /** Start -> end (exclusive) of each range, in relative sequence numbers (no wrap within a capture). */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    /** Adds the segment [start, end); nothing for an empty one. */
    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        for (Map.Entry<Long, Long> next = ranges.ceilingEntry(start); next != null && next.getKey() <= end;
             next = ranges.ceilingEntry(start)) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
        }
        ranges.put(start, end);
    }

    int count() {
        return ranges.size();
    }
}
