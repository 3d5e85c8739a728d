package dev.dfq.engine.vm;

import dev.dfq.engine.References;
import dev.dfq.engine.compile.Opcode;
import dev.dfq.engine.compile.Ranges;
import dev.dfq.fields.FieldStore;
import dev.dfq.fields.FieldType;
import dev.dfq.fields.FieldType.Kind;
import dev.dfq.fields.ValueStrings;
import dev.dfq.grammar.ast.Node.RangeNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a {@link Program} on one frame at a time. Registers, the argument stack and the set are
 * reused between frames: steady-state evaluation of simple filters allocates nothing. Not
 * thread-safe.
 */
public final class Evaluator {
    private final Program p;
    private final Reg[] regs;
    private final int[] loadedAt;
    private int generation;
    private Reg[] stack = new Reg[8];
    private int sp;
    private Reg[] setLo = new Reg[8];
    private int[] setLoIdx = new int[8];
    private Reg[] setHi = new Reg[8];
    private int[] setHiIdx = new int[8];
    private int setN;
    private final int[] range = new int[2];

    Evaluator(Program p) {
        this.p = p;
        this.regs = new Reg[p.registers];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = new Reg();
        }
        this.loadedAt = new int[p.registers];
    }

    private Reg operand(int o) {
        return o >= Insn.CONST ? p.constants[o - Insn.CONST] : regs[o];
    }

    public boolean matches(FieldStore frame, References refs) {
        if (++generation == Integer.MAX_VALUE) {
            java.util.Arrays.fill(loadedAt, 0);
            generation = 1;
        }
        boolean accum = true;
        sp = 0;
        setN = 0;
        Insn[] code = p.code;
        int pc = 0;
        while (true) {
            Insn in = code[pc];
            switch (in.op) {
                case IF_TRUE_GOTO:
                    if (accum) {
                        pc = in.target;
                        continue;
                    }
                    break;
                case IF_FALSE_GOTO:
                    if (!accum) {
                        pc = in.target;
                        continue;
                    }
                    break;
                case CHECK_EXISTS:
                    accum = exists(frame, in.fields);
                    break;
                case CHECK_EXISTS_R: {
                    Reg tmp = regs.length > 0 ? scratch() : new Reg();
                    read(frame, in, tmp);
                    accum = tmp.n > 0;
                    break;
                }
                case NOT:
                    accum = !accum;
                    break;
                case RETURN:
                    return accum;
                case READ_TREE:
                case READ_TREE_R: {
                    Reg r = regs[in.dest];
                    if (in.layers == null && loadedAt[in.dest] == generation) {
                        accum = r.n > 0;
                        break;
                    }
                    read(frame, in, r);
                    loadedAt[in.dest] = generation;
                    accum = r.n > 0;
                    break;
                }
                case READ_REFERENCE:
                case READ_REFERENCE_R: {
                    Reg r = regs[in.dest];
                    FieldStore sel = refs == null ? null : refs.store();
                    if (sel == null) {
                        r.clear();
                        r.type = in.type;
                    } else {
                        read(sel, in, r);
                    }
                    accum = r.n > 0;
                    break;
                }
                case ALL_EQ: case ANY_EQ: case ALL_NE: case ANY_NE: case ALL_GT: case ANY_GT:
                case ALL_GE: case ANY_GE: case ALL_LT: case ANY_LT: case ALL_LE: case ANY_LE:
                    accum = compare(in.op, operand(in.a), operand(in.b));
                    break;
                case ALL_CONTAINS:
                case ANY_CONTAINS:
                    accum = contains(in.op == Opcode.ALL_CONTAINS, operand(in.a), operand(in.b));
                    break;
                case ALL_MATCHES:
                case ANY_MATCHES:
                    accum = matches(in.op == Opcode.ALL_MATCHES, operand(in.a), in);
                    break;
                case SET_ADD:
                    setAdd(operand(in.a), null);
                    break;
                case SET_ADD_RANGE:
                    setAdd(operand(in.a), operand(in.b));
                    break;
                case SET_ANY_IN:
                    accum = inSet(operand(in.a), false);
                    break;
                case SET_ALL_IN:
                    accum = inSet(operand(in.a), true);
                    break;
                case SET_ANY_NOT_IN:
                    accum = !inSet(operand(in.a), false);
                    break;
                case SET_ALL_NOT_IN:
                    accum = !inSet(operand(in.a), true);
                    break;
                case SET_CLEAR:
                    setN = 0;
                    break;
                case SLICE:
                    Slices.slice(operand(in.a), in.ranges, regs[in.dest], range);
                    break;
                case LENGTH:
                    Slices.length(operand(in.a), regs[in.dest]);
                    break;
                case BITWISE_AND: case ADD: case SUBTRACT: case MULTIPLY: case DIVIDE: case MODULO:
                    Arith.apply(in.arith, operand(in.a), operand(in.b), regs[in.dest]);
                    break;
                case UNARY_MINUS:
                    Arith.negate(operand(in.a), regs[in.dest]);
                    break;
                case STACK_PUSH:
                    if (sp == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, sp * 2);
                    }
                    stack[sp++] = operand(in.a);
                    break;
                case STACK_POP:
                    sp -= in.count;
                    break;
                case CALL_FUNCTION:
                    accum = FunctionsRuntime.call(in, stack, sp - in.count, in.count, regs[in.dest], p);
                    break;
                case NOT_ALL_ZERO:
                    accum = notAllZero(operand(in.a));
                    break;
                case NO_OP:
                case PUT_FVALUE:
                case DFVM_NULL:
                    break;
                default:
                    throw new IllegalStateException("bad opcode " + in.op);
            }
            pc++;
        }
    }

    private Reg scratchReg;

    private Reg scratch() {
        if (scratchReg == null) {
            scratchReg = new Reg();
        }
        return scratchReg;
    }

    private static boolean exists(FieldStore s, int[] ids) {
        for (int id : ids) {
            if (s.has(id)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reads

    private void read(FieldStore s, Insn in, Reg r) {
        r.clear();
        r.type = in.type;
        int maxLayer = 0;
        if (in.layers != null) {
            for (int id : in.fields) {
                for (int occ = s.first(id); occ >= 0; occ = s.next(occ)) {
                    maxLayer = Math.max(maxLayer, s.layer(occ));
                }
            }
        }
        for (int id : in.fields) {
            for (int occ = s.first(id); occ >= 0; occ = s.next(occ)) {
                if (in.layers != null && !layerSelected(in.layers, s.layer(occ), maxLayer)) {
                    continue;
                }
                addOccurrence(s, occ, in, r);
            }
        }
    }

    private boolean layerSelected(List<RangeNode> layers, int layer, int maxLayer) {
        for (RangeNode rn : layers) {
            long start = rn.start() < 0 ? maxLayer + 1 + rn.start() : rn.start();
            long end = switch (rn.kind()) {
                case SINGLE -> start;
                case START_LENGTH -> start + rn.lengthOrEnd() - 1;
                case TO_END -> Long.MAX_VALUE;
                case START_END -> rn.lengthOrEnd() < 0 ? maxLayer + 1 + rn.lengthOrEnd() : rn.lengthOrEnd();
            };
            if (layer >= start && layer <= end) {
                return true;
            }
        }
        return false;
    }

    private void addOccurrence(FieldStore s, int occ, Insn in, Reg r) {
        int src = s.source(occ);
        if (in.raw) {
            byte[] data = s.sourceData(src);
            int off = s.offset(occ);
            int len = Math.max(0, Math.min(s.length(occ), s.sourceLength(src) - off));
            r.addBytes(data, off, len, len);
            return;
        }
        FieldType t = in.fields.length == 1 ? in.type : p.registry.byId(s.fieldId(occ)).type();
        if (in.valueString) {
            byte[] text = valueString(s.fieldId(occ), s.num(occ));
            if (text != null) {
                r.addBytes(text, 0, text.length, text.length);
            }
            return;
        }
        switch (t.kind()) {
            case STRING, BYTES, IPV6, OTHER -> {
                Object ref = s.ref(occ);
                if (ref instanceof byte[] b) {
                    r.addBytes(b, 0, b.length, t == FieldType.FT_IPv6 ? 128 : b.length);
                } else {
                    byte[] data = s.sourceData(src);
                    int off = s.offset(occ);
                    int len = Math.max(0, Math.min(s.length(occ), s.sourceLength(src) - off));
                    r.addBytes(data, off, len, t == FieldType.FT_IPv6 ? 128 : len);
                }
            }
            case PROTOCOL -> {
                byte[] data = s.sourceData(src);
                int off = s.offset(occ);
                int end = Math.min(s.tvbEnd(occ), data == null ? 0 : s.sourceLength(src));
                int ext = Math.max(0, end - off);
                int len = Math.max(0, Math.min(s.length(occ), ext));
                r.addBytes(data == null ? new byte[0] : data, data == null ? 0 : off, len, ext);
            }
            case IPV4 -> r.addNum(s.num(occ), 32);
            case SIGNED -> r.addNum(s.num(occ), 1);
            default -> r.addNum(s.num(occ), 0);
        }
    }

    private byte[] valueString(int fieldId, long value) {
        long key = ((long) fieldId << 40) ^ value;
        byte[] b = p.valueStringCache.get(key);
        if (b == null) {
            ValueStrings vs = p.registry.valueStrings(p.registry.byId(fieldId));
            String text = vs == null ? null : vs.lookup(value);
            if (text == null) {
                return null;
            }
            b = text.getBytes(StandardCharsets.UTF_8);
            p.valueStringCache.put(key, b);
        }
        return b;
    }

    // ------------------------------------------------------------------ relations

    private static boolean compare(Opcode op, Reg a, Reg b) {
        boolean all = op.isAll();
        for (int i = 0; i < a.n; i++) {
            for (int j = 0; j < b.n; j++) {
                int c = Compare.compare(a, i, b, j);
                if (c == Compare.ERROR) {
                    continue;
                }
                boolean t = switch (op) {
                    case ALL_EQ, ANY_EQ -> c == 0;
                    case ALL_NE, ANY_NE -> c != 0;
                    case ALL_GT, ANY_GT -> c > 0;
                    case ALL_GE, ANY_GE -> c >= 0;
                    case ALL_LT, ANY_LT -> c < 0;
                    default -> c <= 0;
                };
                if (all && !t) {
                    return false;
                }
                if (!all && t) {
                    return true;
                }
            }
        }
        return all;
    }

    private static boolean contains(boolean all, Reg a, Reg b) {
        for (int i = 0; i < a.n; i++) {
            int hl = a.type.kind() == Kind.PROTOCOL ? a.aux[i] : a.len[i];
            for (int j = 0; j < b.n; j++) {
                boolean t = Compare.contains(a.obj[i], a.off[i], hl, b.obj[j], b.off[j], b.len[j]);
                if (all && !t) {
                    return false;
                }
                if (!all && t) {
                    return true;
                }
            }
        }
        return all;
    }

    private static boolean matches(boolean all, Reg a, Insn in) {
        for (int i = 0; i < a.n; i++) {
            int hl = a.type.kind() == Kind.PROTOCOL ? a.aux[i] : a.len[i];
            String s = new String(a.obj[i], 0, a.off[i], hl);
            boolean t = in.regex.matcher(s).find();
            if (all && !t) {
                return false;
            }
            if (!all && t) {
                return true;
            }
        }
        return all;
    }

    private void setAdd(Reg lo, Reg hi) {
        if (hi == null) {
            for (int i = 0; i < lo.n; i++) {
                pushSet(lo, i, null, 0);
            }
        } else if (lo.n > 0 && hi.n > 0) {
            pushSet(lo, 0, hi, 0);
        }
    }

    private void pushSet(Reg lo, int li, Reg hi, int hi2) {
        if (setN == setLo.length) {
            int c = setN * 2;
            setLo = java.util.Arrays.copyOf(setLo, c);
            setHi = java.util.Arrays.copyOf(setHi, c);
            setLoIdx = java.util.Arrays.copyOf(setLoIdx, c);
            setHiIdx = java.util.Arrays.copyOf(setHiIdx, c);
        }
        setLo[setN] = lo;
        setLoIdx[setN] = li;
        setHi[setN] = hi;
        setHiIdx[setN] = hi2;
        setN++;
    }

    private boolean inSet(Reg a, boolean all) {
        for (int i = 0; i < a.n; i++) {
            boolean in = false;
            for (int k = 0; k < setN && !in; k++) {
                if (setHi[k] == null) {
                    in = Compare.compare(a, i, setLo[k], setLoIdx[k]) == 0;
                } else {
                    int c1 = Compare.compare(a, i, setLo[k], setLoIdx[k]);
                    int c2 = Compare.compare(a, i, setHi[k], setHiIdx[k]);
                    in = c1 != Compare.ERROR && c2 != Compare.ERROR && c1 >= 0 && c2 <= 0;
                }
            }
            if (all && !in) {
                return false;
            }
            if (!all && in) {
                return true;
            }
        }
        return all && a.n > 0;
    }

    private static boolean notAllZero(Reg r) {
        for (int i = 0; i < r.n; i++) {
            if (r.isNumeric()) {
                if (r.num[i] != 0) {
                    return true;
                }
            } else {
                for (int k = 0; k < r.len[i]; k++) {
                    if (r.obj[i][r.off[i] + k] != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static void resolveRange(RangeNode rn, int total, int[] out) {
        if (!Ranges.resolve(rn, total, out)) {
            out[0] = -1;
        }
    }
}
