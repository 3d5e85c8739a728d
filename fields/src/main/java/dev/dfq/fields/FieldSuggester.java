package dev.dfq.fields;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Did you mean" for an unknown field name: the registered names closest to it.
 *
 * <p>Distance is the case-insensitive optimal-string-alignment distance (Levenshtein plus adjacent
 * transpositions), plus 2 for every component of the unknown name (split at {@code . _ -}) that is
 * neither equal to nor a prefix of (at least 3 letters) a component of the candidate, so that
 * {@code smtp.resp_code} finds {@code smtp.response.code} before {@code smtp.response}.
 *
 * <p>Candidates come first from the unknown name's protocol (its longest prefix that names a
 * protocol: {@code smtp} for {@code smtp.resp_code}); when the protocol itself is misspelled
 * ({@code tpc.port}) the closest protocols' fields are tried with the rest of the name; then all
 * names within a small edit distance. About a millisecond per call over the 4.6 registry.
 */
public final class FieldSuggester {
    private static final int DEFAULT_LIMIT = 5;

    private final FieldRegistry registry;
    private final RegistryTable.NameBlob blob;
    private final int n;
    /** Ids of protocols. */
    private final int[] protocolIds;
    /** For each protocol id, the ids of its fields (and itself); null for other ids. */
    private final int[][] members;

    public FieldSuggester(FieldRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
        this.blob = registry.table().nameBlob();
        this.n = registry.size();
        RegistryTable table = registry.table();
        int[] count = new int[n];
        for (int id = 0; id < n; id++) {
            count[table.parentId(id)]++;
        }
        members = new int[n][];
        int protos = 0;
        for (int id = 0; id < n; id++) {
            if (table.parentId(id) == id) {
                members[id] = new int[count[id]];
                protos++;
            }
        }
        protocolIds = new int[protos];
        int[] fill = new int[n];
        int p = 0;
        for (int id = 0; id < n; id++) {
            int parent = table.parentId(id);
            if (parent == id) {
                protocolIds[p++] = id;
            }
            members[parent][fill[parent]++] = id;
        }
    }

    /** Up to five suggestions, best first; empty when nothing is close. */
    public List<String> suggest(String unknown) {
        return suggest(unknown, DEFAULT_LIMIT);
    }

    public List<String> suggest(String unknown, int limit) {
        if (unknown == null || unknown.isEmpty() || limit <= 0) {
            return List.of();
        }
        String renamed = registry.aliasTarget(unknown); // ssl.handshake.typ: look among tls.handshake.*
        if (renamed != null) {
            unknown = renamed;
        }
        byte[] q = lowerAscii(unknown);
        String[] qTokens = tokens(unknown.toLowerCase(java.util.Locale.ROOT));
        List<long[]> scored = new ArrayList<>(); // score, id
        java.util.BitSet seen = new java.util.BitSet(n);
        int[] buf = new int[3 * (q.length + 2)];

        // 1. within the protocol the name starts with
        int protoLen = protocolPrefix(unknown);
        if (protoLen > 0) {
            scoreRange(q, qTokens, protoLen, scored, seen, buf, Integer.MAX_VALUE);
        } else {
            // 2. a misspelled protocol: the closest protocols, with the rest of the name
            int dot = unknown.indexOf('.');
            String head = dot < 0 ? unknown : unknown.substring(0, dot);
            byte[] hq = lowerAscii(head);
            List<long[]> protos = new ArrayList<>();
            for (int pid : protocolIds) {
                int len = blob.length(pid);
                if (Math.abs(len - hq.length) > 2) {
                    continue;
                }
                int d = distance(hq, blob.bytes(), blob.start()[pid], len, 2, buf);
                if (d <= 2) {
                    protos.add(new long[] {d, pid});
                }
            }
            protos.sort(Comparator.comparingLong((long[] x) -> x[0]).thenComparingLong(x -> x[1]));
            for (int i = 0; i < Math.min(3, protos.size()); i++) {
                int pid = (int) protos.get(i)[1];
                String proto = registry.abbrevOf(pid);
                String rewritten = proto + (dot < 0 ? "" : unknown.substring(dot));
                byte[] rq = lowerAscii(rewritten);
                String[] rTokens = tokens(rewritten.toLowerCase(java.util.Locale.ROOT));
                int[] rbuf = new int[3 * (rq.length + 2)];
                List<long[]> local = new ArrayList<>();
                scoreRange(rq, rTokens, proto.length(), local, seen, rbuf, Integer.MAX_VALUE);
                for (long[] s : local) {
                    s[0] += protos.get(i)[0]; // the protocol's own misspelling
                    scored.add(s);
                }
            }
        }
        // 3. anything close, anywhere, unless the protocol gave enough
        int threshold = Math.max(3, q.length / 2);
        int good = 0;
        for (long[] s : scored) {
            if (s[0] <= Math.min(threshold, 3)) {
                good++;
            }
        }
        int k = q.length <= 4 ? 1 : q.length <= 10 ? 2 : 3;
        byte[] bytes = blob.bytes();
        int[] start = blob.start();
        long[] peq = q.length <= 64 ? peq(q) : null;
        for (int id = good >= limit ? n : 0; id < n; id++) {
            int len = start[id + 1] - start[id];
            if (Math.abs(len - q.length) > k || seen.get(id)) {
                continue;
            }
            // Screen with the (bit-parallel) Levenshtein distance: within k + 1 keeps every name with one
            // transposition (Levenshtein 2, OSA 1) and most with more; then take the OSA distance.
            if (peq != null && myers(peq, q.length, bytes, start[id], len, k + 1) > k + 1) {
                continue;
            }
            int d = distance(q, bytes, start[id], len, k, buf);
            if (d <= k) {
                int score = d + 2 * unmatched(qTokens, id);
                scored.add(new long[] {score, id});
                seen.set(id);
            }
        }
        scored.removeIf(s -> s[0] > threshold);
        byte first = q.length > 0 ? q[0] : 0;
        scored.sort(Comparator.comparingLong((long[] s) -> s[0])
                .thenComparingInt(s -> lower(blob.bytes()[blob.start()[(int) s[1]]]) == first ? 0 : 1)
                .thenComparingInt(s -> Math.abs(blob.length((int) s[1]) - q.length))
                .thenComparingLong(s -> s[1]));
        Set<String> out = new LinkedHashSet<>();
        for (long[] s : scored) {
            if (out.size() >= limit) {
                break;
            }
            String name = registry.abbrevOf((int) s[1]);
            if (!name.equals(unknown)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** Scores the fields of the protocol named by the first protoLen characters of q. */
    private void scoreRange(byte[] q, String[] qTokens, int protoLen, List<long[]> scored, java.util.BitSet seen,
                            int[] buf, int k) {
        byte[] bytes = blob.bytes();
        int[] start = blob.start();
        int proto = registry.table().find(new String(q, 0, protoLen, StandardCharsets.ISO_8859_1));
        if (proto < 0) {
            return;
        }
        proto = registry.table().parentId(proto);
        for (int id : members[proto]) {
            int s = start[id];
            int len = start[id + 1] - s;
            if (len <= protoLen || bytes[s + protoLen] != '.' || !regionEqualsLower(q, bytes, s, protoLen)) {
                continue;
            }
            int d = distance(q, bytes, s, len, k, buf);
            scored.add(new long[] {d + 2L * unmatched(qTokens, id), id});
            seen.set(id);
        }
    }

    /** Length of the longest prefix of the name, ending before a dot, that is a protocol; 0 if none. */
    private int protocolPrefix(String name) {
        int best = 0;
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            int id = registry.table().find(name.substring(0, dot));
            if (id >= 0 && registry.byId(id).type() == FieldType.FT_PROTOCOL) {
                best = dot;
            }
        }
        if (best == 0) {
            int id = registry.table().find(name);
            if (id >= 0 && registry.byId(id).isProtocol()) {
                best = name.length();
            }
        }
        return best;
    }

    private int unmatched(String[] qTokens, int id) {
        String[] cTokens = tokens(FieldSearch.lower(blob.bytes(), blob.start()[id], blob.start()[id + 1]));
        int missing = 0;
        for (String t : qTokens) {
            boolean ok = false;
            for (String c : cTokens) {
                if (c.equals(t) || (t.length() >= 3 && c.startsWith(t)) || (c.length() >= 3 && t.startsWith(c))) {
                    ok = true;
                    break;
                }
            }
            if (!ok) {
                missing++;
            }
        }
        return missing;
    }

    private static String[] tokens(String s) {
        return s.split("[._\\-]+");
    }

    private static byte[] lowerAscii(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                b[i] += 32;
            }
        }
        return b;
    }

    private static boolean regionEqualsLower(byte[] q, byte[] b, int s, int len) {
        if (q.length < len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (q[i] != lower(b[s + i])) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static long[] peq(byte[] q) {
        long[] peq = new long[128];
        for (int i = 0; i < q.length; i++) {
            if (q[i] >= 0) {
                peq[q[i]] |= 1L << i;
            }
        }
        return peq;
    }

    /**
     * Levenshtein distance of the pattern (as peq, length m, 1..64) and b[s, s+len), case-insensitive,
     * with Myers' bit-vector algorithm; returns a value above k as soon as the distance must exceed k.
     */
    static int myers(long[] peq, int m, byte[] b, int s, int len, int k) {
        long pv = m == 64 ? -1L : (1L << m) - 1;
        long mv = 0;
        long high = 1L << (m - 1);
        int score = m;
        for (int i = 0; i < len; i++) {
            int c = lower(b[s + i]);
            long eq = c >= 0 && c < 128 ? peq[c] : 0;
            long xv = eq | mv;
            long xh = (((eq & pv) + pv) ^ pv) | eq;
            long ph = mv | ~(xh | pv);
            long mh = pv & xh;
            if ((ph & high) != 0) {
                score++;
            } else if ((mh & high) != 0) {
                score--;
            }
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | ~(xv | ph);
            mv = ph & xv;
            if (score - (len - i - 1) > k) {
                return k + 1;
            }
        }
        return score;
    }

    /**
     * Optimal string alignment distance between q and b[s, s+len), case-insensitive; any value above k
     * may be returned as k + 1 (the computation stops once every cell of a row exceeds k).
     */
    static int distance(byte[] q, byte[] b, int s, int len, int k, int[] buf) {
        int m = q.length;
        if (buf.length < 3 * (m + 1)) {
            buf = new int[3 * (m + 1)];
        }
        int w = m + 1;
        int prev2 = 0;
        int prev = w;
        int cur = 2 * w;
        for (int j = 0; j <= m; j++) {
            buf[prev + j] = j;
        }
        for (int i = 1; i <= len; i++) {
            int bc = lower(b[s + i - 1]);
            buf[cur] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = q[j - 1] == bc ? 0 : 1;
                int v = Math.min(Math.min(buf[prev + j] + 1, buf[cur + j - 1] + 1), buf[prev + j - 1] + cost);
                if (i > 1 && j > 1 && q[j - 1] == lower(b[s + i - 2]) && q[j - 2] == bc) {
                    v = Math.min(v, buf[prev2 + j - 2] + 1);
                }
                buf[cur + j] = v;
                if (v < rowMin) {
                    rowMin = v;
                }
            }
            if (rowMin > k) {
                return k == Integer.MAX_VALUE ? rowMin : k + 1;
            }
            int t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return buf[prev + m];
    }
}
