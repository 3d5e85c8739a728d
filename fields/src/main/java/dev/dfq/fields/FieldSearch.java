package dev.dfq.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds fields by words, for {@code dfq fields response code}: every word must occur in the
 * abbreviation or the display name; exact and prefix matches of the abbreviation rank first,
 * then matches in the abbreviation's last component, then shorter names.
 */
public final class FieldSearch {
    private final FieldRegistry registry;

    public FieldSearch(FieldRegistry registry) {
        this.registry = registry;
    }

    public List<FieldDef> search(String pattern, int limit) {
        String[] words = pattern.toLowerCase(Locale.ROOT).trim().split("[\\s]+");
        String joined = String.join(".", words);
        List<Scored> hits = new ArrayList<>();
        for (FieldDef d : registry.all()) {
            String abbrev = d.abbrev().toLowerCase(Locale.ROOT);
            String name = d.name().toLowerCase(Locale.ROOT);
            int score = 0;
            boolean all = true;
            for (String w : words) {
                boolean inAbbrev = abbrev.contains(w);
                boolean inName = name.contains(w);
                if (!inAbbrev && !inName) {
                    all = false;
                    break;
                }
                score += (inAbbrev ? 2 : 0) + (inName ? 2 : 0) + (wordMatch(name, w) ? 3 : 0);
            }
            if (!all) {
                continue;
            }
            if (abbrev.equals(joined)) {
                score += 100;
            } else if (abbrev.endsWith("." + joined) || abbrev.contains("." + joined + ".")) {
                score += 20;
            } else if (abbrev.startsWith(joined)) {
                score += 10;
            }
            if (name.equals(String.join(" ", words))) {
                score += 15;
            }
            hits.add(new Scored(d, score));
        }
        hits.sort(Comparator.comparingInt((Scored s) -> -s.score)
                .thenComparingInt(s -> s.def.abbrev().length())
                .thenComparing(s -> s.def.abbrev()));
        return hits.stream().limit(limit).map(s -> s.def).toList();
    }

    private static boolean wordMatch(String text, String word) {
        int i = text.indexOf(word);
        while (i >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + word.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            i = text.indexOf(word, i + 1);
        }
        return false;
    }

    private record Scored(FieldDef def, int score) {
    }
}
