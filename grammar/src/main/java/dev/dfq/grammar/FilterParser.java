package dev.dfq.grammar;

import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Span;
import java.util.Objects;
import java.util.function.Predicate;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses display-filter text into the AST: macro expansion, then lexing and parsing. Only the
 * first error is reported, worded and located as Wireshark 4.6.9 does. Safe to share between
 * threads (each call builds its own lexer and parser).
 */
public final class FilterParser {
    /** Deeper nesting is refused before the recursive-descent parser could exhaust the stack. */
    static final int MAX_DEPTH = 500;

    private final Macros macros;

    public FilterParser(Macros macros) {
        this.macros = Objects.requireNonNull(macros, "macros is null");
    }

    /**
     * @param isField whether a name is a registered non-protocol field (macro expansion leaves
     *     {@code ${field}} alone as a field reference)
     */
    public ParseResult parse(String filterText, Predicate<String> isField) {
        return BigStack.call(() -> parseOnThisStack(filterText, isField),
                () -> new ParseResult(filterText, null, new SyntaxError("Filter is nested too deeply.", null)));
    }

    private ParseResult parseOnThisStack(String filterText, Predicate<String> isField) {
        String expanded;
        try {
            expanded = new MacroExpander(macros, isField).expand(filterText);
        } catch (FilterSyntaxException e) {
            return new ParseResult(filterText, null, e.toError());
        }
        ByteOffsets offsets = new ByteOffsets(expanded);
        try {
            checkNesting(expanded, offsets);
            DisplayFilterLexer lexer = new DisplayFilterLexer(CharStreams.fromString(expanded));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            DisplayFilterParser parser = new DisplayFilterParser(tokens);
            parser.removeErrorListeners();
            parser.addErrorListener(new FirstError(offsets, expanded));
            parser.setErrorHandler(new Bail());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            DisplayFilterParser.SentenceContext tree;
            try {
                tree = parser.sentence();
            } catch (ParseCancellationException | FilterSyntaxException e) {
                // SLL can fail where full LL succeeds; only LL's verdict is reported.
                tokens.seek(0);
                parser.reset();
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.sentence();
            }
            Node root = new AstBuilder(offsets).visit(tree);
            return new ParseResult(expanded, root, null);
        } catch (FilterSyntaxException e) {
            return new ParseResult(expanded, null, e.toError());
        }
    }

    /** Parentheses and braces nested deeper than {@link #MAX_DEPTH} are refused up front. */
    private static void checkNesting(String text, ByteOffsets offsets) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new FilterSyntaxException("Filter is nested too deeply (more than " + MAX_DEPTH + " levels).",
                            offsets.span(i, i + 1));
                }
            } else if (c == ')' || c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        // Long chains of prefix operators ("!!!!...") recurse as deeply as parentheses.
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c == '!' || c == '-' || c == '+' ? run + 1 : (c == ' ' ? run : 0);
            if (run > MAX_DEPTH) {
                throw new FilterSyntaxException("Filter is nested too deeply (more than " + MAX_DEPTH + " levels).",
                        offsets.span(i, i + 1));
            }
        }
    }

    /** Stops at the first error instead of recovering. */
    private static final class Bail extends DefaultErrorStrategy {
        @Override
        public void recover(Parser recognizer, RecognitionException e) {
            throw new ParseCancellationException(e);
        }

        @Override
        public Token recoverInline(Parser recognizer) {
            InputMismatchException e = new InputMismatchException(recognizer);
            recognizer.notifyErrorListeners(e.getOffendingToken(), "mismatch", e);
            throw new ParseCancellationException(e);
        }

        @Override
        public void sync(Parser recognizer) {
        }
    }

    /** Words the first syntax error as Wireshark does, from the token the parser could not take. */
    private static final class FirstError extends BaseErrorListener {
        private final ByteOffsets offsets;
        private final String text;

        FirstError(ByteOffsets offsets, String text) {
            this.offsets = offsets;
            this.text = text;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            Token t = (Token) offendingSymbol;
            throw describe(t, (Parser) recognizer);
        }

        private FilterSyntaxException describe(Token t, Parser parser) {
            int end = offsets.length();
            if (t == null || t.getType() == Token.EOF) {
                if (endsInsideBrackets(parser)) {
                    return new FilterSyntaxException("The right bracket was missing from a slice.", new Span(end, 1));
                }
                return new FilterSyntaxException("Unexpected end of filter expression.", null);
            }
            Span s = offsets.span(t.getStartIndex(), t.getStopIndex() + 1);
            String tokenText = t.getText();
            return switch (t.getType()) {
                case DisplayFilterLexer.UNTERMINATED_STRING -> new FilterSyntaxException(
                        "The final quote was missing from a quoted string.",
                        // a string ending in a lone backslash: Wireshark points at that backslash
                        tokenText.endsWith("\\") && !tokenText.endsWith("\\\\") ? new Span(end - 1, 1) : new Span(end, 1));
                case DisplayFilterLexer.UNTERMINATED_CHAR ->
                        new FilterSyntaxException("The final quote was missing from a character constant.", new Span(end, 1));
                case DisplayFilterLexer.NONPRINTABLE ->
                        new FilterSyntaxException("Non-printable ASCII characters may only appear inside double-quotes.", s);
                case DisplayFilterLexer.UNEXPECTED_CHAR -> t.getText().charAt(0) >= 0x80
                        // a non-ASCII character outside quotes: the scanner sees its first byte
                        ? new FilterSyntaxException("Non-printable ASCII characters may only appear inside double-quotes.",
                                new Span(s.start(), 1))
                        : new FilterSyntaxException("\"" + tokenText + "\" was unexpected in this context.", s);
                case DisplayFilterLexer.STRING -> new FilterSyntaxException("\""
                        + (tokenText.startsWith("r") || tokenText.startsWith("R") ? tokenText.substring(1) : tokenText)
                        + "\" was unexpected in this context.", s);
                case DisplayFilterLexer.LAYER_BAD ->
                        new FilterSyntaxException("Expected digit or \"[\", not \"" + tokenText + "\"", s);
                default -> new FilterSyntaxException("\"" + tokenText + "\" was unexpected in this context.", s);
            };
        }

        /** True when the input ended inside {@code [...]} (the lexer was still in its range state). */
        private boolean endsInsideBrackets(Parser parser) {
            CommonTokenStream ts = (CommonTokenStream) parser.getInputStream();
            int open = 0;
            for (int i = 0; i < ts.size(); i++) {
                int type = ts.get(i).getType();
                if (type == DisplayFilterLexer.LBRACKET) {
                    open++;
                } else if (type == DisplayFilterLexer.RBRACKET) {
                    open--;
                }
            }
            return open > 0;
        }
    }
}
