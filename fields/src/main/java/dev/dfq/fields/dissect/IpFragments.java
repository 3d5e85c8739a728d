package dev.dfq.fields.dissect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IPv4 and IPv6 fragment reassembly, as Wireshark's reassembly table does it for IP: fragments are
 * kept by datagram key until the last fragment (more-fragments clear) has set the length and every
 * byte up to it has arrived; the frame bringing the last missing piece carries the reassembled
 * datagram. Fragments sort by offset (arrival order among equals); where two overlap, the earlier
 * in that order supplies the bytes and the later is flagged as overlapping (conflicting when its
 * bytes differ). A completed datagram leaves the table, so a later fragment with the same key
 * starts a new one.
 *
 * <p>With two passes (tshark -2) the first pass records which frame completed each fragment's
 * datagram ({@code ip.reassembled_in}); the second reassembles again and reads that record.
 *
 * <p>Incomplete datagrams are kept while their bytes stay under {@link #MAX_PENDING_BYTES}; past
 * that the oldest are dropped, so a capture full of lost fragments cannot exhaust memory (Wireshark
 * keeps them all; a datagram dropped here would only differ if it completed much later).
 */
final class IpFragments {
    static final long MAX_PENDING_BYTES = 64L << 20;

    /** One fragment: its frame, offset in the datagram, bytes, and how it overlapped others. */
    static final class Fragment {
        final int frame;
        final int offset;
        final byte[] bytes;
        boolean overlap;
        boolean conflict;

        Fragment(int frame, int offset, byte[] bytes) {
            this.frame = frame;
            this.offset = offset;
            this.bytes = bytes;
        }
    }

    /** A completed datagram: its bytes, and its fragments by offset. */
    record Reassembled(byte[] data, List<Fragment> fragments) {
    }

    private static final class Pending {
        final List<Fragment> fragments = new ArrayList<>(4);
        int total = -1;
        long bytes;
    }

    private final Map<Object, Pending> open = new LinkedHashMap<>();
    private long pendingBytes;
    /** Frame of each fragment -> frame that completed its datagram; null when not recording or reading. */
    private final Map<Integer, Integer> reassembledIn;
    private final boolean recording;

    /**
     * @param reassembledIn shared between the passes of -2, null for one pass
     * @param recording true in the first pass of -2 (fills reassembledIn), false in the second (reads it)
     */
    IpFragments(Map<Integer, Integer> reassembledIn, boolean recording) {
        this.reassembledIn = reassembledIn;
        this.recording = recording;
    }

    IpFragments() {
        this(null, false);
    }

    /** The frame that completed this fragment frame's datagram, known in the second pass of -2 only; else 0. */
    int reassembledIn(int frame) {
        return reassembledIn == null || recording ? 0 : reassembledIn.getOrDefault(frame, 0);
    }

    /**
     * Adds a fragment of {@code len} bytes at {@code d[off..]}; returns the datagram if this fragment
     * completed it, else null.
     */
    Reassembled add(Object key, int frame, int offset, byte[] d, int off, int len, boolean more) {
        Pending p = open.get(key);
        if (p == null) {
            p = new Pending();
            open.put(key, p);
        }
        p.fragments.add(new Fragment(frame, offset, Arrays.copyOfRange(d, off, off + len)));
        p.bytes += len;
        pendingBytes += len;
        if (!more) {
            p.total = offset + len;
        }
        Reassembled done = p.total >= 0 ? complete(p) : null;
        if (done != null) {
            open.remove(key);
            pendingBytes -= p.bytes;
            if (recording && reassembledIn != null) {
                for (Fragment fr : p.fragments) {
                    if (fr.frame != frame) {
                        reassembledIn.put(fr.frame, frame);
                    }
                }
            }
        } else {
            evict();
        }
        return done;
    }

    /** The datagram when fragments cover 0..total without a gap, else null. */
    private static Reassembled complete(Pending p) {
        List<Fragment> sorted = new ArrayList<>(p.fragments);
        sorted.sort(Comparator.comparingInt(fr -> fr.offset)); // stable: arrival order among equal offsets
        int covered = 0;
        for (Fragment fr : sorted) {
            if (fr.offset > covered) {
                return null;
            }
            covered = Math.max(covered, fr.offset + fr.bytes.length);
        }
        if (covered < p.total) {
            return null;
        }
        byte[] data = new byte[p.total];
        int pos = 0;
        for (Fragment fr : sorted) {
            int end = Math.min(fr.offset + fr.bytes.length, p.total);
            if (fr.offset < pos) {
                fr.overlap = true;
                int same = Math.min(end, pos) - fr.offset;
                if (!Arrays.equals(fr.bytes, 0, Math.max(0, same), data, fr.offset, fr.offset + Math.max(0, same))) {
                    fr.conflict = true;
                }
            }
            if (end > pos) {
                System.arraycopy(fr.bytes, pos - fr.offset, data, pos, end - pos);
                pos = end;
            }
        }
        return new Reassembled(data, sorted);
    }

    private void evict() {
        Iterator<Map.Entry<Object, Pending>> it = open.entrySet().iterator();
        while (pendingBytes > MAX_PENDING_BYTES && it.hasNext()) {
            pendingBytes -= it.next().getValue().bytes;
            it.remove();
        }
    }

    /** Datagrams still waiting for fragments; for tests. */
    int pending() {
        return open.size();
    }

    /** Key of an IPv4 datagram: addresses, identification and protocol (as Wireshark's). */
    static Object key4(long src, long dst, int id, int proto) {
        return new Key4(src << 32 | dst, id << 8 | proto);
    }

    /** Key of an IPv6 datagram: addresses and the fragment header's identification. */
    static Object key6(byte[] d, int srcOff, long ident) {
        return new Key6(Arrays.copyOfRange(d, srcOff, srcOff + 32), ident);
    }

    private record Key4(long addresses, long idProto) {
    }

    private record Key6(byte[] addresses, long ident) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key6 k && k.ident == ident && Arrays.equals(k.addresses, addresses);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(addresses) * 31 + Long.hashCode(ident);
        }
    }
}
