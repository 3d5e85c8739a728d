package dev.dfq.fields.dissect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * TCP conversations by their two endpoints, either direction finding the same entry.
 *
 * <p>IPv4 endpoints (address and port, 48 bits) are kept as two longs in an open-addressing table
 * with linear probing: a lookup per segment is then one hash and, usually, one probe, where a
 * {@code HashMap} with array keys chased five references and was a tenth of a mail query's time.
 * IPv6 endpoints, rarer in mail captures, go to a plain map.
 *
 * @param <V> the conversation state
 */
final class ConversationTable<V> {
    private static final long EMPTY = -1L; // no endpoint is all ones: ports and addresses fit in 48 bits

    private long[] lo = newKeys(64);
    private long[] hi = new long[64];
    private Object[] values = new Object[64];
    private int size;
    private final Map<Key6, V> v6 = new HashMap<>();
    private final Key6 probe6 = new Key6();

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, EMPTY);
        return k;
    }

    /** The endpoint {@code address:port} of an IPv4 address. */
    static long endpoint4(long address, int port) {
        return address << 16 | port;
    }

    /**
     * True when the source endpoint is the lower of the two (unsigned, address then port), which is
     * how the two directions of a conversation are told apart.
     */
    static boolean forward(byte[] src, int sport, byte[] dst, int dport) {
        int c = Arrays.compareUnsigned(src, dst);
        return c < 0 || c == 0 && sport <= dport;
    }

    @SuppressWarnings("unchecked")
    V get(byte[] src, int sport, byte[] dst, int dport) {
        if (src.length == 4) {
            long a = endpoint4(NetworkLayers.u32(src, 0), sport);
            long b = endpoint4(NetworkLayers.u32(dst, 0), dport);
            int i = find(Math.min(a, b), Math.max(a, b));
            return i < 0 ? null : (V) values[i];
        }
        return v6.get(probe6.set(src, sport, dst, dport));
    }

    void put(byte[] src, int sport, byte[] dst, int dport, V value) {
        if (src.length != 4) {
            v6.put(new Key6().set(src, sport, dst, dport), value);
            return;
        }
        long a = endpoint4(NetworkLayers.u32(src, 0), sport);
        long b = endpoint4(NetworkLayers.u32(dst, 0), dport);
        long x = Math.min(a, b);
        long y = Math.max(a, b);
        int i = find(x, y);
        if (i >= 0) {
            values[i] = value;
            return;
        }
        if (2 * (size + 1) > lo.length) {
            resize(lo.length * 2);
        }
        insert(x, y, value);
    }

    /** Removes the entry if it is still {@code value} (a newer conversation may have replaced it). */
    void remove(byte[] src, int sport, byte[] dst, int dport, V value) {
        if (src.length != 4) {
            v6.remove(probe6.set(src, sport, dst, dport), value);
            return;
        }
        long a = endpoint4(NetworkLayers.u32(src, 0), sport);
        long b = endpoint4(NetworkLayers.u32(dst, 0), dport);
        int i = find(Math.min(a, b), Math.max(a, b));
        if (i < 0 || values[i] != value) {
            return;
        }
        deleteAt(i);
        size--;
    }

    int size() {
        return size + v6.size();
    }

    private int slot(long x, long y) {
        long h = (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL);
        return (int) (h ^ (h >>> 29)) & (lo.length - 1);
    }

    private int find(long x, long y) {
        int mask = lo.length - 1;
        for (int i = slot(x, y); ; i = (i + 1) & mask) {
            long k = lo[i];
            if (k == EMPTY) {
                return -1;
            }
            if (k == x && hi[i] == y) {
                return i;
            }
        }
    }

    private void insert(long x, long y, Object value) {
        int mask = lo.length - 1;
        int i = slot(x, y);
        while (lo[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        lo[i] = x;
        hi[i] = y;
        values[i] = value;
        size++;
    }

    /** Linear-probing deletion without tombstones: later entries of the cluster move back. */
    private void deleteAt(int i) {
        int mask = lo.length - 1;
        int gap = i;
        for (int j = (i + 1) & mask; lo[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(lo[j], hi[j]);
            // move j into the gap unless its home lies cyclically in (gap, j]
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                lo[gap] = lo[j];
                hi[gap] = hi[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        lo[gap] = EMPTY;
        values[gap] = null;
    }

    private void resize(int capacity) {
        long[] oldLo = lo;
        long[] oldHi = hi;
        Object[] oldValues = values;
        lo = newKeys(capacity);
        hi = new long[capacity];
        values = new Object[capacity];
        size = 0;
        for (int i = 0; i < oldLo.length; i++) {
            if (oldLo[i] != EMPTY) {
                insert(oldLo[i], oldHi[i], oldValues[i]);
            }
        }
    }

    /** An IPv6 conversation key: both endpoints, the lower first. */
    private static final class Key6 {
        byte[] a = new byte[18];
        byte[] b = new byte[18];
        int hash;

        Key6 set(byte[] src, int sport, byte[] dst, int dport) {
            byte[] x = new byte[18];
            byte[] y = new byte[18];
            fill(x, src, sport);
            fill(y, dst, dport);
            if (Arrays.compareUnsigned(x, y) > 0) {
                byte[] t = x;
                x = y;
                y = t;
            }
            a = x;
            b = y;
            hash = Arrays.hashCode(a) * 31 + Arrays.hashCode(b);
            return this;
        }

        private static void fill(byte[] e, byte[] addr, int port) {
            System.arraycopy(addr, 0, e, 0, 16);
            e[16] = (byte) (port >> 8);
            e[17] = (byte) port;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key6 k && k.hash == hash && Arrays.equals(k.a, a) && Arrays.equals(k.b, b);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
