package dev.dfq.fields;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds fields for {@code dfq fields PATTERN}: the words of the pattern are matched, case-insensitively,
 * against each entry's abbreviation and display name. Every word must occur in one of them.
 *
 * <p>Ranking, best first:
 * <ol>
 *   <li>the abbreviation equals the pattern;</li>
 *   <li>the abbreviation starts with the pattern (a one-word pattern: {@code tcp.fl} lists tcp.flags...);</li>
 *   <li>then by a word score: for the abbreviation and for the name, a word equal to a component of the
 *       abbreviation (split at {@code . _ -}) or to a word of the name scores 3, a prefix of one 2, a
 *       substring 1; the words following each other in the abbreviation ({@code response.code}) add 2, in
 *       the name ("Response code") 2;</li>
 *   <li>ties: shorter abbreviation first, then registration order.</li>
 * </ol>
 * A name registered several times is listed once (its first registration).
 */
public final class FieldSearch {
    private final FieldRegistry registry;

    public FieldSearch(FieldRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** One result and its rank score (higher is better). */
    public record Hit(FieldDef def, int score) {}

    /** All matches, best first. */
    public List<FieldDef> search(String pattern) {
        return search(pattern, Integer.MAX_VALUE);
    }

    /** The best {@code limit} matches, best first. */
    public List<FieldDef> search(String pattern, int limit) {
        List<Hit> hits = hits(pattern, limit);
        List<FieldDef> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            out.add(h.def());
        }
        return out;
    }

    public List<Hit> hits(String pattern, int limit) {
        String p = pattern == null ? "" : pattern.trim().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || limit <= 0) {
            return List.of();
        }
        String[] words = p.split("\\s+");
        boolean oneWord = words.length == 1;
        String dotted = String.join(".", words);
        String underscored = String.join("_", words);
        String spaced = String.join(" ", words);
        RegistryTable table = registry.table();
        RegistryTable.NameBlob blob = table.nameBlob();
        byte[] bytes = blob.bytes();
        int[] start = blob.start();
        int n = table.size();
        List<int[]> found = new ArrayList<>(); // id, score
        boolean[] inAbbrev = new boolean[words.length];
        for (int id = 0; id < n; id++) {
            String a = lower(bytes, start[id], start[id + 1]);
            boolean all = true;
            for (int w = 0; w < words.length; w++) {
                inAbbrev[w] = a.contains(words[w]);
                all &= inAbbrev[w];
            }
            String name = null;
            if (!all) {
                name = table.displayName(id).toLowerCase(Locale.ROOT);
                boolean ok = true;
                for (int w = 0; w < words.length && ok; w++) {
                    ok = inAbbrev[w] || name.contains(words[w]);
                }
                if (!ok) {
                    continue;
                }
            }
            int score;
            if (a.equals(p) || a.equals(dotted)) {
                score = 1000;
            } else if (oneWord && a.startsWith(p)) {
                score = 900;
            } else {
                if (name == null) {
                    name = table.displayName(id).toLowerCase(Locale.ROOT);
                }
                String[] aTokens = a.split("[._\\-]+");
                String[] nWords = name.split("[^\\p{L}\\p{N}]+");
                score = 0;
                for (String w : words) {
                    score += wordScore(w, aTokens) + wordScore(w, nWords);
                }
                if (!oneWord && (a.contains(dotted) || a.contains(underscored))) {
                    score += 2;
                }
                if (!oneWord && name.contains(spaced)) {
                    score += 2;
                }
                if (oneWord && (a.endsWith("." + p) || name.equals(p))) {
                    score += 1;
                }
            }
            found.add(new int[] {id, score});
        }
        found.sort(Comparator.<int[]>comparingInt(h -> -h[1])
                .thenComparingInt(h -> start[h[0] + 1] - start[h[0]])
                .thenComparingInt(h -> h[0]));
        List<Hit> out = new ArrayList<>(Math.min(found.size(), Math.min(limit, 1024)));
        Set<String> seen = new HashSet<>();
        for (int[] h : found) {
            if (out.size() >= limit) {
                break;
            }
            FieldDef d = table.def(h[0]);
            if (seen.add(d.abbrev())) {
                out.add(new Hit(d, h[1]));
            }
        }
        return out;
    }

    private static int wordScore(String w, String[] tokens) {
        int best = 0;
        for (String t : tokens) {
            if (t.equals(w)) {
                return 3;
            }
            if (t.startsWith(w)) {
                best = 2;
            } else if (best == 0 && t.contains(w)) {
                best = 1;
            }
        }
        return best;
    }

    static String lower(byte[] b, int from, int to) {
        byte[] copy = Arrays.copyOfRange(b, from, to);
        for (int i = 0; i < copy.length; i++) {
            byte c = copy[i];
            if (c >= 'A' && c <= 'Z') {
                copy[i] = (byte) (c + 32);
            }
        }
        return new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
