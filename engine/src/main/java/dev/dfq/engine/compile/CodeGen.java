package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Entity;
import dev.dfq.engine.vm.FieldRead;
import dev.dfq.engine.vm.Insn;
import dev.dfq.engine.vm.Op;
import dev.dfq.engine.vm.Operand;
import dev.dfq.engine.vm.Program;
import dev.dfq.engine.vm.ValueText;
import dev.dfq.fields.FieldType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the checked tree to a register program with Wireshark 4.6's gencode patterns: every
 * field read is followed by a jump out of the relation when the field is absent; AND and OR
 * short-circuit with IF_FALSE_GOTO / IF_TRUE_GOTO; a field read twice reuses its register.
 */
final class CodeGen {
    private final List<Insn> code = new ArrayList<>();
    private final Map<String, Integer> fieldRegisters = new HashMap<>();
    private final Set<Integer> fields = new LinkedHashSet<>();
    private final Set<Integer> references = new LinkedHashSet<>();
    private int nextRegister;

    Program generate(Typed root) {
        FieldType returnType = FieldType.FT_NONE;
        int returnRegister = -1;
        if (root instanceof Typed.Truth t) {
            List<Integer> jumps = new ArrayList<>();
            Operand v = entity(t.entity(), jumps);
            if (t.entity() instanceof Typed.Function f && f.type() == FieldType.FT_BOOLEAN) {
                patch(jumps, code.size());
            } else {
                Operand tested = sliceLength(t.entity(), v);
                Insn nz = emit(Op.NOT_ALL_ZERO);
                nz.a = tested;
                patch(jumps, code.size());
                returnType = t.entity().type();
                returnRegister = v.register();
            }
        } else {
            test(root);
        }
        Insn ret = emit(Op.RETURN);
        if (returnRegister >= 0) {
            ret.a = Operand.reg(returnRegister);
        }
        threadJumps();
        return new Program(code, nextRegister, fields.stream().mapToInt(Integer::intValue).toArray(),
                references.stream().mapToInt(Integer::intValue).toArray(), returnType, returnRegister);
    }

    private void test(Typed t) {
        if (t instanceof Typed.And a) {
            test(a.left());
            Insn j = emit(Op.IF_FALSE_GOTO);
            test(a.right());
            j.target = code.size();
        } else if (t instanceof Typed.Or o) {
            test(o.left());
            Insn j = emit(Op.IF_TRUE_GOTO);
            test(o.right());
            j.target = code.size();
        } else if (t instanceof Typed.Not n) {
            test(n.operand());
            emit(Op.NOT);
        } else if (t instanceof Typed.Exists e) {
            Insn i = emit(e.read().layers() == null ? Op.CHECK_EXISTS : Op.CHECK_EXISTS_R);
            i.read = e.read();
            fields.add(e.read().def().id());
        } else if (t instanceof Typed.Truth tr) {
            List<Integer> jumps = new ArrayList<>();
            Operand v = entity(tr.entity(), jumps);
            if (!(tr.entity() instanceof Typed.Function f && f.type() == FieldType.FT_BOOLEAN)) {
                Operand tested = sliceLength(tr.entity(), v);
                Insn nz = emit(Op.NOT_ALL_ZERO);
                nz.a = tested;
            }
            patch(jumps, code.size());
        } else if (t instanceof Typed.Compare c) {
            List<Integer> jumps = new ArrayList<>();
            Operand a = entity(c.left(), jumps);
            Insn cmp;
            if (c.matcher() != null) {
                cmp = new Insn(c.op());
                cmp.a = a;
                cmp.matcher = c.matcher();
                cmp.b = Operand.constant(((Typed.Const) c.right()).value(), c.matcher().source());
                code.add(cmp);
            } else {
                Operand b = entity(c.right(), jumps);
                cmp = emit(c.op());
                cmp.a = a;
                cmp.b = b;
            }
            patch(jumps, code.size());
        } else if (t instanceof Typed.In in) {
            List<Integer> jumps = new ArrayList<>();
            Operand a = entity(in.left(), jumps);
            for (Typed.SetElement e : in.elements()) {
                List<Integer> elementJumps = new ArrayList<>();
                Operand lo = entity(e.low(), elementJumps);
                Insn add;
                if (e.high() == null) {
                    add = emit(Op.SET_ADD);
                    add.a = lo;
                } else {
                    Operand hi = entity(e.high(), elementJumps);
                    add = emit(Op.SET_ADD_RANGE);
                    add.a = lo;
                    add.b = hi;
                }
                patch(elementJumps, code.size());
            }
            Insn op = emit(in.op());
            op.a = a;
            emit(Op.SET_CLEAR);
            patch(jumps, code.size());
        } else {
            throw new IllegalStateException("not a test: " + t);
        }
    }

    /** A slice tested by itself is true when it has a length (Wireshark: SLICE, LENGTH, NOT_ALL_ZERO). */
    private Operand sliceLength(Entity e, Operand v) {
        if (!(e instanceof Typed.Slice)) {
            return v;
        }
        int r = nextRegister++;
        Insn len = emit(Op.LENGTH);
        len.a = v;
        len.dst = r;
        len.resultType = FieldType.FT_UINT32;
        return Operand.reg(r);
    }

    private Operand entity(Entity e, List<Integer> jumps) {
        if (e instanceof Typed.Const c) {
            return Operand.constant(c.value(), ValueText.dftestRepr(c.value(), 0) + " <" + c.type().name() + ">");
        }
        if (e instanceof Typed.Field f) {
            int r = readField(f.read());
            jumps.add(emitJump(Op.IF_FALSE_GOTO));
            return Operand.reg(r);
        }
        if (e instanceof Typed.Reference ref) {
            int r = nextRegister++;
            Insn i = emit(ref.read().layers() == null ? Op.READ_REFERENCE : Op.READ_REFERENCE_R);
            i.read = ref.read();
            i.dst = r;
            references.add(ref.read().def().id());
            jumps.add(emitJump(Op.IF_FALSE_GOTO));
            return Operand.reg(r);
        }
        if (e instanceof Typed.Slice s) {
            Operand src = entity(s.entity(), jumps);
            int r = nextRegister++;
            Insn i = emit(Op.SLICE);
            i.a = src;
            i.ranges = s.ranges();
            i.rangeText = s.rangeText();
            i.dst = r;
            i.resultType = s.type();
            return Operand.reg(r);
        }
        if (e instanceof Typed.Function f) {
            return function(f, jumps);
        }
        if (e instanceof Typed.Arith a) {
            Operand x = entity(a.left(), jumps);
            Operand y = entity(a.right(), jumps);
            int r = nextRegister++;
            Insn i = emit(a.op());
            i.a = x;
            i.b = y;
            i.dst = r;
            i.resultType = a.type();
            return Operand.reg(r);
        }
        if (e instanceof Typed.Negate n) {
            Operand x = entity(n.operand(), jumps);
            int r = nextRegister++;
            Insn i = emit(Op.UNARY_MINUS);
            i.a = x;
            i.dst = r;
            i.resultType = n.type();
            return Operand.reg(r);
        }
        throw new IllegalStateException("not an entity: " + e);
    }

    private Operand function(Typed.Function f, List<Integer> jumps) {
        if (f.def() == null) { // vals(x): the value-string pseudo-field
            return entity(f.args().get(0), jumps);
        }
        if (f.def().name().equals("len")) {
            Operand src = entity(f.args().get(0), jumps);
            int r = nextRegister++;
            Insn i = emit(Op.LENGTH);
            i.a = src;
            i.dst = r;
            i.resultType = FieldType.FT_UINT32;
            return Operand.reg(r);
        }
        int result = nextRegister++;
        List<Operand> args = new ArrayList<>();
        for (Entity a : f.args()) {
            List<Integer> argJumps = new ArrayList<>();
            Operand o = entity(a, argJumps);
            // An absent argument is pushed as an empty list (count(udp) is 0): its jumps land here.
            // A jump to the very next instruction is printed as NO_OP (4.6.9); a longer one stays a jump.
            for (int j : argJumps) {
                if (j + 1 == code.size()) {
                    code.set(j, new Insn(Op.NO_OP));
                } else {
                    code.get(j).target = code.size();
                }
            }
            Insn push = emit(Op.STACK_PUSH);
            push.a = o;
            args.add(o);
        }
        Insn call = emit(Op.CALL_FUNCTION);
        call.function = f.def();
        call.args = args;
        call.dst = result;
        call.resultType = f.type();
        Insn pop = emit(Op.STACK_POP);
        pop.count = args.size();
        jumps.add(emitJump(Op.IF_FALSE_GOTO));
        return Operand.reg(result);
    }

    private int readField(FieldRead read) {
        boolean layered = read.layers() != null;
        Integer r = layered ? null : fieldRegisters.get(read.display());
        if (r == null) {
            r = nextRegister++;
            if (!layered) {
                fieldRegisters.put(read.display(), r);
            }
        }
        Insn i = emit(layered ? Op.READ_TREE_R : Op.READ_TREE);
        i.read = read;
        i.dst = r;
        fields.add(read.def().id());
        return r;
    }

    private Insn emit(Op op) {
        Insn i = new Insn(op);
        code.add(i);
        return i;
    }

    private int emitJump(Op op) {
        emit(op);
        return code.size() - 1;
    }

    private void patch(List<Integer> jumps, int target) {
        for (int j : jumps) {
            code.get(j).target = target;
        }
    }

    /**
     * A jump that lands on a jump of the same kind would take that one too (the accumulator has
     * not changed), so it goes straight to the final target, as Wireshark's optimizer does.
     */
    private void threadJumps() {
        for (int k = 0; k < code.size(); k++) {
            Insn i = code.get(k);
            if (i.op == Op.IF_FALSE_GOTO || i.op == Op.IF_TRUE_GOTO) {
                // the jump that follows a failed READ_TREE knows that field is absent
                String absent = i.op == Op.IF_FALSE_GOTO && k > 0 && code.get(k - 1).op == Op.READ_TREE
                        ? code.get(k - 1).read.display() : null;
                int t = i.target;
                int guard = 0;
                while (t < code.size() && guard++ < code.size()) {
                    Insn landing = code.get(t);
                    if (landing.op == i.op) {
                        t = landing.target;
                    } else if (landing.op == Op.IF_TRUE_GOTO || landing.op == Op.IF_FALSE_GOTO) {
                        t = t + 1; // the opposite jump is not taken: continue after it
                    } else if (absent != null && landing.op == Op.READ_TREE && landing.read.display().equals(absent)
                            && t + 1 < code.size() && code.get(t + 1).op == Op.IF_FALSE_GOTO) {
                        t = code.get(t + 1).target; // reading the same absent field fails again
                    } else {
                        break;
                    }
                }
                i.target = t;
            }
        }
    }
}
