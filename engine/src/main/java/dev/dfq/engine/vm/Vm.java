package dev.dfq.engine.vm;

import dev.dfq.engine.CompiledFilter;
import dev.dfq.engine.References;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.fields.ValueStrings;
import dev.dfq.grammar.ast.Node.RangeNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Program} on one frame's field store. One instance per thread; registers and the
 * set buffer are reused from frame to frame, so simple filters allocate nothing per evaluation.
 * Semantics as Wireshark's dfvm: an absent field makes its relation false; ANY/ALL over the
 * cartesian product of values, ALL vacuously true; pairs that cannot be compared are ignored.
 */
public final class Vm implements CompiledFilter.Evaluator {
    private final Insn[] code;
    private final Reg[] regs;
    private final FieldRegistry registry;
    private final Reg setValues = new Reg(FieldType.FT_NONE);
    private final List<Reg> setSources = new ArrayList<>();
    private final List<Integer> setIndex = new ArrayList<>();
    private final List<Reg> rangeLow = new ArrayList<>();
    private final List<Reg> rangeHigh = new ArrayList<>();
    private final List<Reg> argBuffer = new ArrayList<>();

    public Vm(Program program, FieldRegistry registry) {
        this.code = program.code().toArray(new Insn[0]);
        this.regs = new Reg[program.registers()];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = new Reg(FieldType.FT_NONE);
        }
        this.registry = registry;
    }

    @Override
    public boolean matches(FieldStore frame, References references) {
        boolean accum = false;
        int pc = 0;
        while (pc < code.length) {
            Insn in = code[pc];
            switch (in.op) {
                case IF_TRUE_GOTO -> {
                    if (accum) {
                        pc = in.target;
                        continue;
                    }
                }
                case IF_FALSE_GOTO -> {
                    if (!accum) {
                        pc = in.target;
                        continue;
                    }
                }
                case NOT -> accum = !accum;
                case RETURN -> {
                    return accum;
                }
                case CHECK_EXISTS -> accum = frame.has(in.read.def().id());
                case CHECK_EXISTS_R -> accum = existsInLayers(frame, in.read);
                case READ_TREE, READ_TREE_R -> accum = read(frame, in.read, regs[in.dst]);
                case READ_REFERENCE, READ_REFERENCE_R -> {
                    FieldStore ref = references.store();
                    accum = ref != null && read(ref, in.read, regs[in.dst]);
                }
                case ANY_EQ, ALL_EQ, ANY_NE, ALL_NE, ANY_GT, ALL_GT, ANY_GE, ALL_GE, ANY_LT, ALL_LT, ANY_LE, ALL_LE ->
                        accum = compare(in.op, value(in.a), value(in.b));
                case ANY_CONTAINS, ALL_CONTAINS -> accum = contains(in.op == Op.ALL_CONTAINS, value(in.a), value(in.b));
                case ANY_MATCHES, ALL_MATCHES -> accum = matches(in.op == Op.ALL_MATCHES, value(in.a), in.matcher);
                case SET_ADD -> {
                    Reg v = value(in.a);
                    for (int i = 0; i < v.size; i++) {
                        setSources.add(v);
                        setIndex.add(i);
                    }
                }
                case SET_ADD_RANGE -> {
                    rangeLow.add(value(in.a));
                    rangeHigh.add(value(in.b));
                }
                case SET_ANY_IN -> accum = inSet(value(in.a), false);
                case SET_ALL_IN -> accum = inSet(value(in.a), true);
                case SET_ANY_NOT_IN -> accum = !inSet(value(in.a), false);
                case SET_ALL_NOT_IN -> accum = !inSet(value(in.a), true);
                case SET_CLEAR -> {
                    setSources.clear();
                    setIndex.clear();
                    rangeLow.clear();
                    rangeHigh.clear();
                }
                case SLICE -> Slices.slice(value(in.a), in.ranges, prepare(in));
                case LENGTH -> {
                    Reg src = value(in.a);
                    Reg out = prepare(in);
                    for (int i = 0; i < src.size; i++) {
                        out.addNum(Functions.length(src, i));
                    }
                }
                case BITWISE_AND, ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> {
                    Reg out = prepare(in);
                    if (in.op == Op.SUBTRACT) {
                        signedIfUnsigned(out);
                    }
                    Arithmetic.apply(in.op, value(in.a), value(in.b), out);
                    accum = out.size > 0;
                }
                case UNARY_MINUS -> {
                    Reg out = prepare(in);
                    signedIfUnsigned(out);
                    Arithmetic.negate(value(in.a), out);
                }
                case CALL_FUNCTION -> {
                    argBuffer.clear();
                    for (Operand o : in.args) {
                        argBuffer.add(value(o));
                    }
                    accum = in.function.impl().apply(argBuffer, prepare(in));
                }
                case NOT_ALL_ZERO -> accum = notAllZero(value(in.a));
                case STACK_PUSH, STACK_POP, NO_OP, PUT_FVALUE -> {
                }
                default -> throw new IllegalStateException("unknown instruction " + in.op);
            }
            pc++;
        }
        return accum;
    }

    /**
     * Unsigned subtraction and negation produce signed values at run time ({@code tcp.port - 81 == -1}
     * and {@code -tcp.port == -80} match in 4.6.9); the checked type stays the operand's.
     */
    private static void signedIfUnsigned(Reg out) {
        if (out.type.kind() == FieldType.Kind.UNSIGNED) {
            out.type = FieldType.FT_INT64;
        }
    }

    private Reg prepare(Insn in) {
        Reg r = regs[in.dst];
        r.clear();
        r.type = in.resultType;
        return r;
    }

    private Reg value(Operand o) {
        return o.constant() != null ? o.constant() : regs[o.register()];
    }

    // ---- reading fields ---------------------------------------------------------------------

    private boolean read(FieldStore s, FieldRead read, Reg out) {
        out.clear();
        out.type = read.type();
        int id = read.def().id();
        int maxLayer = read.layers() == null ? 0 : maxLayer(s, id);
        for (int occ = s.first(id); occ >= 0; occ = s.next(occ)) {
            if (read.layers() != null && !inLayers(s.layer(occ), read.layers(), maxLayer)) {
                continue;
            }
            add(s, occ, read, out);
        }
        return out.size > 0;
    }

    private void add(FieldStore s, int occ, FieldRead read, Reg out) {
        if (!read.raw() && !read.valueString() && !Reg.isBytes(read.type()) && read.type().kind() != Kind.NONE) {
            out.addNum(s.num(occ)); // numeric kinds: the hot path needs no data source
            return;
        }
        int src = s.source(occ);
        byte[] data = s.sourceData(src);
        int off = s.offset(occ);
        int srcLen = s.sourceLength(src);
        if (read.raw()) {
            int len = Math.max(0, Math.min(s.length(occ), srcLen - off));
            out.addBytes(data, off, len, off + len, -1);
            return;
        }
        if (read.valueString()) {
            ValueStrings vs = registry.valueStrings(read.def());
            String text = vs == null ? null : vs.lookup(s.num(occ));
            if (text != null) {
                out.addBytes(text.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        FieldType t = read.type();
        Kind k = t.kind();
        if (k == Kind.PROTOCOL) {
            int end = s.tvbEnd(occ);
            int len = Math.max(0, Math.min(s.length(occ), end - off));
            out.addBytes(data, off, len, end, -1);
        } else if (k == Kind.STRING || k == Kind.BYTES || k == Kind.IPV6 || k == Kind.OTHER) {
            Object ref = s.ref(occ);
            if (ref instanceof byte[] b) {
                out.addBytes(b, 0, b.length, b.length, -1);
            } else {
                int len = Math.max(0, Math.min(s.length(occ), srcLen - off));
                out.addBytes(data, off, len, off + len, -1);
            }
        } else if (k == Kind.NONE) {
            out.addNum(1);
        } else {
            out.addNum(s.num(occ));
        }
    }

    private boolean existsInLayers(FieldStore s, FieldRead read) {
        int id = read.def().id();
        int maxLayer = maxLayer(s, id);
        for (int occ = s.first(id); occ >= 0; occ = s.next(occ)) {
            if (inLayers(s.layer(occ), read.layers(), maxLayer)) {
                return true;
            }
        }
        return false;
    }

    private static int maxLayer(FieldStore s, int id) {
        int max = 0;
        for (int occ = s.first(id); occ >= 0; occ = s.next(occ)) {
            max = Math.max(max, s.layer(occ));
        }
        return max;
    }

    /** Layer ranges count from 1; negative offsets count back from the innermost layer. */
    static boolean inLayers(int layer, List<RangeNode> ranges, int maxLayer) {
        for (RangeNode r : ranges) {
            long start = r.start() < 0 ? maxLayer + r.start() + 1 : r.start();
            long end = switch (r.kind()) {
                case SINGLE -> start;
                case START_LENGTH -> start + r.lengthOrEnd() - 1;
                case START_END -> r.lengthOrEnd() < 0 ? maxLayer + r.lengthOrEnd() + 1 : r.lengthOrEnd();
                case TO_END -> Long.MAX_VALUE;
            };
            if (layer >= start && layer <= end) {
                return true;
            }
        }
        return false;
    }

    // ---- relations --------------------------------------------------------------------------

    private static boolean compare(Op op, Reg a, Reg b) {
        boolean all = switch (op) {
            case ALL_EQ, ALL_NE, ALL_GT, ALL_GE, ALL_LT, ALL_LE -> true;
            default -> false;
        };
        for (int i = 0; i < a.size; i++) {
            for (int j = 0; j < b.size; j++) {
                int c = Compare.compare(a, i, b, j);
                if (c == Compare.ERROR) {
                    continue;
                }
                boolean ok = switch (op) {
                    case ANY_EQ, ALL_EQ -> c == 0;
                    case ANY_NE, ALL_NE -> c != 0;
                    case ANY_GT, ALL_GT -> c > 0;
                    case ANY_GE, ALL_GE -> c >= 0;
                    case ANY_LT, ALL_LT -> c < 0;
                    default -> c <= 0;
                };
                if (all && !ok) {
                    return false;
                }
                if (!all && ok) {
                    return true;
                }
            }
        }
        return all;
    }

    private static boolean contains(boolean all, Reg a, Reg b) {
        for (int i = 0; i < a.size; i++) {
            boolean found = false;
            for (int j = 0; j < b.size && !found; j++) {
                found = a.bv[i] != null && b.bv[j] != null && a.bv[i].scanContains(b.bv[j]);
            }
            if (all && !found) {
                return false;
            }
            if (!all && found) {
                return true;
            }
        }
        return all;
    }

    private static boolean matches(boolean all, Reg a, RegexMatcher m) {
        for (int i = 0; i < a.size; i++) {
            boolean found = a.bv[i] != null && m.find(a.bv[i]);
            if (all && !found) {
                return false;
            }
            if (!all && found) {
                return true;
            }
        }
        return all;
    }

    private boolean inSet(Reg a, boolean all) {
        for (int i = 0; i < a.size; i++) {
            boolean in = false;
            for (int k = 0; k < setSources.size() && !in; k++) {
                in = Compare.compare(a, i, setSources.get(k), setIndex.get(k)) == 0;
            }
            for (int k = 0; k < rangeLow.size() && !in; k++) {
                Reg lo = rangeLow.get(k);
                Reg hi = rangeHigh.get(k);
                for (int x = 0; x < lo.size && !in; x++) {
                    for (int y = 0; y < hi.size && !in; y++) {
                        int c1 = Compare.compare(a, i, lo, x);
                        int c2 = Compare.compare(a, i, hi, y);
                        in = c1 != Compare.ERROR && c2 != Compare.ERROR && c1 >= 0 && c2 <= 0;
                    }
                }
            }
            if (all && !in) {
                return false;
            }
            if (!all && in) {
                return true;
            }
        }
        return all && a.size > 0;
    }

    private static boolean notAllZero(Reg r) {
        for (int i = 0; i < r.size; i++) {
            if (Reg.isBytes(r.type)) {
                ByteView v = r.bv[i];
                for (int k = 0; v != null && k < v.len; k++) {
                    if (v.at(k) != 0) {
                        return true;
                    }
                }
            } else if (r.num[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
