package dev.dfq.engine.compile;

import dev.dfq.engine.hints.PseudoFieldHints;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldSuggester;
import dev.dfq.grammar.ast.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dfq's help after Wireshark's message, for names that are not fields: the filter the author
 * most likely meant for the pseudo-fields of tutorials ({@code smtp.resp_code}), else the closest
 * registered names. Wireshark's error line stays as it is; hints are extra lines.
 */
final class Hints {
    private static final Pattern UNKNOWN = Pattern.compile("^\"([^\"]+)\" is not a valid protocol or protocol field\\.$");
    private static final Map<FieldRegistry, FieldSuggester> SUGGESTERS = new ConcurrentHashMap<>();

    private Hints() {
    }

    static List<String> forError(String message, String filter, Span span, FieldRegistry registry) {
        Matcher m = UNKNOWN.matcher(message);
        if (!m.matches()) {
            return List.of();
        }
        String name = m.group(1);
        List<String> hints = new ArrayList<>();
        List<String> rewrites = PseudoFieldHints.rewrites(name);
        if (!rewrites.isEmpty()) {
            int start = span == null ? -1 : charIndex(filter, span.start());
            String relation = PseudoFieldHints.rewriteRelation(filter, name, start);
            if (relation != null) {
                hints.add("Wireshark has no field " + name + "; did you mean: " + relation);
            } else {
                hints.add("Wireshark has no field " + name + "; did you mean: " + String.join("  or  ", rewrites));
            }
            return hints;
        }
        List<String> near = SUGGESTERS.computeIfAbsent(registry, FieldSuggester::new).suggest(name, 5);
        if (!near.isEmpty()) {
            hints.add("Did you mean: " + String.join(", ", near) + "?  (dfq fields WORDS searches every field)");
        }
        return hints;
    }

    private static int charIndex(String text, int byteOffset) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new String(b, 0, Math.min(byteOffset, b.length), StandardCharsets.UTF_8).length();
    }
}
