package dev.dfq.engine.vm;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code matches} on RE2/J: linear time whatever the pattern and the data. Like Wireshark's PCRE2
 * setup it is case-insensitive and works on bytes (NEVER_UTF): pattern and subject are both
 * mapped byte-for-char (Latin-1), so a UTF-8 literal in the pattern matches the same bytes.
 * Constructs only a backtracking engine can run are refused at compile time.
 */
public final class RegexMatcher {
    /** PCRE2 constructs RE2 does not have, with the name dfq reports. */
    private static final List<Object[]> UNSUPPORTED = List.of(
            new Object[] {java.util.regex.Pattern.compile("\\(\\?<=|\\(\\?<!"), "lookbehind"},
            new Object[] {java.util.regex.Pattern.compile("\\(\\?=|\\(\\?!"), "lookahead"},
            new Object[] {java.util.regex.Pattern.compile("\\(\\?>"), "atomic group"},
            new Object[] {java.util.regex.Pattern.compile("\\(\\?(R|[+-]?[0-9]+|&\\w+|P>\\w+)\\)"), "recursion"},
            new Object[] {java.util.regex.Pattern.compile("\\\\[1-9]|\\\\g\\{?-?[0-9]+|\\\\k[<{']|\\(\\?P=\\w+\\)"), "backreference"},
            new Object[] {java.util.regex.Pattern.compile("(?<!\\\\)[*+?}]\\+"), "possessive quantifier"},
            new Object[] {java.util.regex.Pattern.compile("\\(\\*[A-Z_]+"), "backtracking control verb"},
            new Object[] {java.util.regex.Pattern.compile("\\(\\?C[0-9]*\\)"), "callout"});

    private final Pattern pattern;
    private final String source;

    private RegexMatcher(Pattern pattern, String source) {
        this.pattern = pattern;
        this.source = source;
    }

    /** Thrown for a pattern that cannot be compiled; the message is what dfq reports. */
    public static final class BadPattern extends Exception {
        private static final long serialVersionUID = 1L;

        BadPattern(String message) {
            super(message, null, false, false);
        }
    }

    public static RegexMatcher compile(byte[] patternBytes) throws BadPattern {
        String latin1 = new String(patternBytes, StandardCharsets.ISO_8859_1);
        for (Object[] u : UNSUPPORTED) {
            Matcher m = ((java.util.regex.Pattern) u[0]).matcher(latin1);
            if (m.find()) {
                throw new BadPattern("unsupported regex feature: " + u[1] + " \"" + m.group()
                        + "\" (dfq runs matches in linear time with RE2, which has no " + u[1] + "s)");
            }
        }
        if (latin1.contains("(*UTF")) {
            throw new BadPattern("Regex compilation error: using UTF is disabled by the application.");
        }
        try {
            return new RegexMatcher(Pattern.compile(latin1, Pattern.CASE_INSENSITIVE),
                    new String(patternBytes, StandardCharsets.UTF_8));
        } catch (PatternSyntaxException e) {
            throw new BadPattern("Regex compilation error: " + describe(e, latin1) + ".");
        }
    }

    /** PCRE2's wording for the error RE2 found, as tshark reports it. */
    private static String describe(PatternSyntaxException e, String pattern) {
        String d = e.getDescription();
        long open = pattern.chars().filter(c -> c == '(').count();
        long close = pattern.chars().filter(c -> c == ')').count();
        if (d.contains("invalid or unsupported Perl syntax")) {
            return open > close ? "missing closing parenthesis" : "unrecognized character after (? or (?-";
        }
        if (d.contains("invalid repeat count")) {
            return "numbers out of order in {} quantifier";
        }
        if (d.contains("trailing backslash")) {
            return "\\ at end of pattern";
        }
        if (d.contains("invalid named capture")) {
            return "subpattern name expected";
        }
        if (d.contains("invalid character class range") && (pattern.contains("\\p") || pattern.contains("\\P"))) {
            return "unknown property after \\P or \\p";
        }
        if (d.contains("invalid character class range")) {
            return "range out of order in character class";
        }
        if (d.contains("missing closing )")) {
            return "missing closing parenthesis";
        }
        if (d.contains("unexpected )") || d.contains("internal error") && close > open) {
            return "unmatched closing parenthesis";
        }
        if (d.contains("missing closing ]")) {
            return "missing terminating ] for character class";
        }
        if (d.contains("missing argument to repetition operator")) {
            return "quantifier does not follow a repeatable item";
        }
        return d;
    }

    public boolean find(ByteView v) {
        return pattern.matcher(v.latin1Scan()).find();
    }

    public String source() {
        return source;
    }
}
