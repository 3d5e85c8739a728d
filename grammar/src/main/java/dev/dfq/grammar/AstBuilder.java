package dev.dfq.grammar;

import dev.dfq.grammar.DisplayFilterParser.*;
import dev.dfq.grammar.ast.Node;
import dev.dfq.grammar.ast.Node.ArithOp;
import dev.dfq.grammar.ast.Node.CmpOp;
import dev.dfq.grammar.ast.Node.LogicalOp;
import dev.dfq.grammar.ast.Node.Quantifier;
import dev.dfq.grammar.ast.Node.WordKind;
import dev.dfq.grammar.ast.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the ANTLR parse tree into the immutable AST, resolving literals' escapes and ranges. */
final class AstBuilder extends DisplayFilterParserBaseVisitor<Node> {
    private final ByteOffsets offsets;

    AstBuilder(ByteOffsets offsets) {
        this.offsets = offsets;
    }

    private Span span(ParserRuleContext ctx) {
        Token stop = ctx.stop != null ? ctx.stop : ctx.start;
        return offsets.span(ctx.start.getStartIndex(), Math.max(ctx.start.getStartIndex(), stop.getStopIndex() + 1));
    }

    private Span span(Token t) {
        return offsets.span(t.getStartIndex(), t.getStopIndex() + 1);
    }

    @Override
    public Node visitSentence(SentenceContext ctx) {
        return ctx.expr() == null ? null : visit(ctx.expr());
    }

    @Override
    public Node visitParenExpr(ParenExprContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Node visitNotExpr(NotExprContext ctx) {
        return new Node.Not(visit(ctx.expr()), span(ctx));
    }

    @Override
    public Node visitAndExpr(AndExprContext ctx) {
        return new Node.Logical(LogicalOp.AND, visit(ctx.left), visit(ctx.right), span(ctx));
    }

    @Override
    public Node visitXorExpr(XorExprContext ctx) {
        return new Node.Logical(LogicalOp.XOR, visit(ctx.left), visit(ctx.right), span(ctx));
    }

    @Override
    public Node visitOrExpr(OrExprContext ctx) {
        return new Node.Logical(LogicalOp.OR, visit(ctx.left), visit(ctx.right), span(ctx));
    }

    @Override
    public Node visitRelationExpr(RelationExprContext ctx) {
        return visit(ctx.relation());
    }

    @Override
    public Node visitArithExpr(ArithExprContext ctx) {
        return visit(ctx.arith());
    }

    @Override
    public Node visitRelation(RelationContext ctx) {
        Quantifier q = ctx.quantifier == null ? Quantifier.NONE
                : ctx.quantifier.getType() == DisplayFilterLexer.ANY ? Quantifier.ANY : Quantifier.ALL;
        RelationTestContext t = ctx.relationTest();
        if (t instanceof ComparisonTestContext c) {
            return comparisonChain(q, c, span(ctx));
        }
        if (t instanceof ContainsTestContext c) {
            return new Node.Contains(q, visit(c.left), visit(c.right), span(c.TEST_CONTAINS().getSymbol()), span(ctx));
        }
        if (t instanceof MatchesTestContext c) {
            return new Node.Matches(q, visit(c.left), visit(c.right), span(c.TEST_MATCHES().getSymbol()), span(ctx));
        }
        if (t instanceof InTestContext c) {
            return new Node.Membership(q, false, visit(c.left), set(c.set()), span(ctx));
        }
        NotInTestContext c = (NotInTestContext) t;
        return new Node.Membership(q, true, visit(c.left), set(c.set()), span(ctx));
    }

    /** {@code a < b < c} is {@code (a < b) and (b < c)}, the middle operand duplicated, as in Wireshark. */
    private Node comparisonChain(Quantifier q, ComparisonTestContext c, Span whole) {
        List<ArithContext> operands = c.arith();
        List<CmpOpContext> ops = c.cmpOp();
        Node result = null;
        for (int i = 0; i < ops.size(); i++) {
            ArithContext l = operands.get(i);
            ArithContext r = operands.get(i + 1);
            Span s = offsets.span(l.start.getStartIndex(), r.stop.getStopIndex() + 1);
            Node cmp = new Node.Comparison(q, cmpOp(ops.get(i).start), visit(l), visit(r), span(ops.get(i).start),
                    i == 0 && ops.size() == 1 ? whole : s);
            result = result == null ? cmp : new Node.Logical(LogicalOp.AND, result, cmp, whole);
        }
        return result;
    }

    private static CmpOp cmpOp(Token t) {
        return switch (t.getType()) {
            case DisplayFilterLexer.TEST_ANY_EQ -> CmpOp.ANY_EQ;
            case DisplayFilterLexer.TEST_ALL_NE -> CmpOp.ALL_NE;
            case DisplayFilterLexer.TEST_ALL_EQ -> CmpOp.ALL_EQ;
            case DisplayFilterLexer.TEST_ANY_NE -> CmpOp.ANY_NE;
            case DisplayFilterLexer.TEST_GT -> CmpOp.GT;
            case DisplayFilterLexer.TEST_GE -> CmpOp.GE;
            case DisplayFilterLexer.TEST_LT -> CmpOp.LT;
            case DisplayFilterLexer.TEST_LE -> CmpOp.LE;
            default -> throw new IllegalStateException("not a comparison: " + t.getText());
        };
    }

    private Node.SetLiteral set(SetContext ctx) {
        List<Node.SetElement> elements = new ArrayList<>();
        for (SetElementContext e : ctx.setElement()) {
            elements.add(new Node.SetElement(visit(e.low), e.high == null ? null : visit(e.high), span(e)));
        }
        return new Node.SetLiteral(elements, span(ctx));
    }

    @Override
    public Node visitUnaryArith(UnaryArithContext ctx) {
        Node operand = visit(ctx.arith());
        return ctx.op.getType() == DisplayFilterLexer.MINUS ? new Node.Negate(operand, span(ctx)) : operand;
    }

    @Override
    public Node visitMulArith(MulArithContext ctx) {
        ArithOp op = switch (ctx.op.getType()) {
            case DisplayFilterLexer.STAR -> ArithOp.MULTIPLY;
            case DisplayFilterLexer.RSLASH -> ArithOp.DIVIDE;
            default -> ArithOp.MODULO;
        };
        return new Node.Arithmetic(op, visit(ctx.left), visit(ctx.right), span(ctx.op), span(ctx));
    }

    @Override
    public Node visitAddArith(AddArithContext ctx) {
        ArithOp op = ctx.op.getType() == DisplayFilterLexer.PLUS ? ArithOp.ADD : ArithOp.SUBTRACT;
        return new Node.Arithmetic(op, visit(ctx.left), visit(ctx.right), span(ctx.op), span(ctx));
    }

    @Override
    public Node visitBitAndArith(BitAndArithContext ctx) {
        return new Node.Arithmetic(ArithOp.BITWISE_AND, visit(ctx.left), visit(ctx.right), span(ctx.op), span(ctx));
    }

    @Override
    public Node visitBraceArith(BraceArithContext ctx) {
        return visit(ctx.arith());
    }

    @Override
    public Node visitEntityArith(EntityArithContext ctx) {
        return visit(ctx.entity());
    }

    @Override
    public Node visitSliceEntity(SliceEntityContext ctx) {
        List<Node.RangeNode> ranges = ranges(ctx.rangeList());
        Span rangeSpan = offsets.span(ctx.LBRACKET().getSymbol().getStartIndex(), ctx.RBRACKET().getSymbol().getStopIndex() + 1);
        return new Node.Slice(visit(ctx.entity()), ranges, rangeSpan, span(ctx));
    }

    private List<Node.RangeNode> ranges(RangeListContext ctx) {
        List<Node.RangeNode> out = new ArrayList<>();
        for (TerminalNode n : ctx.RANGE_NODE()) {
            out.add(Ranges.parse(n.getText(), span(n.getSymbol())));
        }
        return out;
    }

    @Override
    public Node visitAtomEntity(AtomEntityContext ctx) {
        Token t = ctx.atom().start;
        Span s = span(t);
        String text = t.getText();
        return switch (t.getType()) {
            case DisplayFilterLexer.STRING -> new Node.StringLit(Literals.stringValue(text, s.start()),
                    text.charAt(0) == 'r' || text.charAt(0) == 'R', text, s);
            case DisplayFilterLexer.CHARCONST -> new Node.CharLit(Literals.charValue(text, s), text, s);
            case DisplayFilterLexer.LITERAL -> new Node.Identifier(text.substring(1), WordKind.LITERAL, s);
            case DisplayFilterLexer.NUMBER -> new Node.NumberLit(text, s);
            default -> throw new IllegalStateException("unexpected atom " + text);
        };
    }

    @Override
    public Node visitFunctionEntity(FunctionEntityContext ctx) {
        FunctionContext f = ctx.function();
        List<Node> args = new ArrayList<>();
        for (ArithContext a : f.arith()) {
            args.add(visit(a));
        }
        return new Node.FunctionCall(f.IDENTIFIER().getText(), args, span(f.IDENTIFIER().getSymbol()), span(ctx));
    }

    @Override
    public Node visitFieldEntity(FieldEntityContext ctx) {
        return rawableField(ctx.rawableField(), false);
    }

    @Override
    public Node visitReferenceEntity(ReferenceEntityContext ctx) {
        Node.Field f = (Node.Field) rawableField(ctx.reference().rawableField(), true);
        return new Node.Reference(f, span(ctx));
    }

    /**
     * A field-like word. It is a {@link Node.Field} when it must be a field (leading dot, layer,
     * {@code @}, or inside a reference), else an {@link Node.Identifier} for the checker to resolve.
     */
    private Node rawableField(RawableFieldContext ctx, boolean mustBeField) {
        LayeredFieldContext lf = ctx.layeredField();
        Token word = lf.field().start;
        boolean raw = ctx.ATSIGN() != null;
        Node.Layer layer = null;
        if (lf.HASH() != null) {
            List<Node.RangeNode> ranges;
            if (lf.INDEX() != null) {
                Span s = span(lf.INDEX().getSymbol());
                long n = Long.parseLong(lf.INDEX().getText());
                ranges = List.of(new Node.RangeNode(Node.RangeKind.SINGLE, n, 1, s));
            } else {
                ranges = ranges(lf.rangeList());
            }
            layer = new Node.Layer(ranges, offsets.span(lf.HASH().getSymbol().getStartIndex(), lf.stop.getStopIndex() + 1));
        }
        String text = word.getText();
        Span nameSpan = span(word);
        if (word.getType() == DisplayFilterLexer.FIELD) {
            return new Node.Field(text.substring(1), layer, raw, nameSpan, span(ctx));
        }
        if (raw || layer != null || mustBeField) {
            return new Node.Field(text, layer, raw, nameSpan, span(ctx));
        }
        WordKind kind = word.getType() == DisplayFilterLexer.IDENTIFIER ? WordKind.IDENTIFIER : WordKind.UNPARSED;
        return new Node.Identifier(text, kind, nameSpan);
    }
}
