package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.ArithExpr;
import dev.dfq.engine.compile.Typed.ConstExpr;
import dev.dfq.engine.compile.Typed.Expr;
import dev.dfq.engine.compile.Typed.FieldExpr;
import dev.dfq.engine.compile.Typed.FuncExpr;
import dev.dfq.engine.compile.Typed.NegExpr;
import dev.dfq.engine.compile.Typed.PcreExpr;
import dev.dfq.engine.compile.Typed.RefExpr;
import dev.dfq.engine.compile.Typed.SliceExpr;
import dev.dfq.engine.compile.Typed.Test;
import dev.dfq.engine.ftypes.FValue;
import dev.dfq.engine.vm.Insn;
import dev.dfq.engine.vm.Program;
import dev.dfq.fields.FieldRegistry;
import dev.dfq.fields.FieldType;
import dev.dfq.grammar.ast.Node.ArithOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Code generation as 4.6.9's gencode: operands left to right, one register per distinct field
 * (reused on a second read), fresh registers for everything else (a function's result register is
 * allocated before its arguments'), read failures jump past the relation, then jump threading.
 */
public final class CodeGen {
    private final FieldRegistry registry;
    private final List<Insn> code = new ArrayList<>();
    private final List<FValue> constants = new ArrayList<>();
    private final Map<String, Integer> fieldRegs = new HashMap<>();
    private final Set<Integer> interesting = new LinkedHashSet<>();
    private final Set<Integer> referenced = new LinkedHashSet<>();
    private final List<String> references = new ArrayList<>();
    private final List<String> rawReferences = new ArrayList<>();
    private int nextReg;

    public CodeGen(FieldRegistry registry) {
        this.registry = registry;
    }

    public record Output(Program program, int[] interesting, int[] referenced, List<String> references,
                         List<String> rawReferences) {
    }

    public Output generate(Test root) {
        FieldType rt = FieldType.FT_NONE;
        int retReg = Insn.NONE;
        if (root instanceof Typed.ValueTest vt) {
            List<Insn> jumps = new ArrayList<>();
            int r = entity(vt.expr(), jumps);
            int tested = r;
            if (vt.expr() instanceof SliceExpr) {
                Insn len = emit(Opcode.LENGTH);
                len.a = r;
                len.dest = nextReg++;
                tested = len.dest;
            }
            Insn nz = emit(Opcode.NOT_ALL_ZERO);
            nz.a = tested;
            patch(jumps);
            retReg = r;
            rt = vt.expr().type();
        } else {
            test(root);
        }
        Insn ret = emit(Opcode.RETURN);
        ret.a = retReg;
        JumpThreading.optimize(code);
        Program p = new Program(code, constants, nextReg, registry, rt);
        return new Output(p, interesting.stream().mapToInt(Integer::intValue).toArray(),
                referenced.stream().mapToInt(Integer::intValue).toArray(), references, rawReferences);
    }

    private Insn emit(Opcode op) {
        Insn i = new Insn(op);
        code.add(i);
        return i;
    }

    private void patch(List<Insn> jumps) {
        for (Insn j : jumps) {
            j.target = code.size();
        }
    }

    private void test(Test t) {
        if (t instanceof Typed.Exists e) {
                Insn i = emit(e.field().layers() == null ? Opcode.CHECK_EXISTS : Opcode.CHECK_EXISTS_R);
                describeField(i, e.field());
            } else if (t instanceof Typed.And a) {
                test(a.left());
                Insn j = emit(Opcode.IF_FALSE_GOTO);
                test(a.right());
                j.target = code.size();
            } else if (t instanceof Typed.Or o) {
                test(o.left());
                Insn j = emit(Opcode.IF_TRUE_GOTO);
                test(o.right());
                j.target = code.size();
            } else if (t instanceof Typed.Not n) {
                test(n.operand());
                emit(Opcode.NOT);
            } else if (t instanceof Typed.Relation r) {
                List<Insn> jumps = new ArrayList<>();
                int a = entity(r.left(), jumps);
                Insn op;
                if (r.right() instanceof PcreExpr pc) {
                    op = emit(r.op());
                    op.regex = pc.regex();
                    op.pattern = pc.pattern();
                } else {
                    int b = entity(r.right(), jumps);
                    op = emit(r.op());
                    op.b = b;
                }
                op.a = a;
                patch(jumps);
            } else if (t instanceof Typed.InSet s) {
                List<Insn> jumps = new ArrayList<>();
                int a = entity(s.left(), jumps);
                for (Typed.SetElem e : s.elements()) {
                    List<Insn> ej = new ArrayList<>();
                    int lo = entity(e.low(), ej);
                    if (e.high() == null) {
                        Insn add = emit(Opcode.SET_ADD);
                        add.a = lo;
                    } else {
                        int hi = entity(e.high(), ej);
                        Insn add = emit(Opcode.SET_ADD_RANGE);
                        add.a = lo;
                        add.b = hi;
                    }
                    patch(ej);
                }
                Insn in = emit(s.op());
                in.a = a;
                emit(Opcode.SET_CLEAR);
                patch(jumps);
            } else if (t instanceof Typed.ValueTest v) {
                List<Insn> jumps = new ArrayList<>();
                int r = entity(v.expr(), jumps);
                Insn nz = emit(Opcode.NOT_ALL_ZERO);
                nz.a = r;
                patch(jumps);
            }
    }

    private int constant(FValue v) {
        constants.add(v);
        return Insn.CONST + constants.size() - 1;
    }

    private void describeField(Insn i, FieldExpr f) {
        i.fields = FieldIds.of(registry, f.def());
        i.fieldLabel = f.label();
        i.type = f.type();
        i.raw = f.raw();
        i.valueString = f.valueString();
        i.layers = f.layers();
        for (int id : i.fields) {
            interesting.add(id);
        }
    }

    private int entity(Expr e, List<Insn> jumps) {
        if (e instanceof ConstExpr c) {
                return constant(c.value());
            } else if (e instanceof FieldExpr f) {
                Insn i = emit(f.layers() == null ? Opcode.READ_TREE : Opcode.READ_TREE_R);
                describeField(i, f);
                if (f.layers() == null) {
                    i.dest = fieldRegs.computeIfAbsent(f.label(), k -> nextReg++);
                } else {
                    i.dest = nextReg++;
                }
                jumps.add(emit(Opcode.IF_FALSE_GOTO));
                return i.dest;
            } else if (e instanceof RefExpr r) {
                FieldExpr f = r.field();
                Insn i = emit(f.layers() == null ? Opcode.READ_REFERENCE : Opcode.READ_REFERENCE_R);
                i.fields = FieldIds.of(registry, f.def());
                i.fieldLabel = f.label();
                i.type = f.type();
                i.raw = f.raw();
                i.layers = f.layers();
                i.dest = nextReg++;
                for (int id : i.fields) {
                    referenced.add(id);
                }
                String name = "${" + (f.raw() ? "@" : "") + f.def().abbrev() + "}";
                List<String> list = f.raw() ? rawReferences : references;
                if (!list.contains(name)) {
                    list.add(name);
                }
                jumps.add(emit(Opcode.IF_FALSE_GOTO));
                return i.dest;
            } else if (e instanceof SliceExpr s) {
                int in = entity(s.entity(), jumps);
                Insn i = emit(Opcode.SLICE);
                i.a = in;
                i.ranges = s.ranges();
                i.dest = nextReg++;
                return i.dest;
            } else if (e instanceof FuncExpr f) {
                return function(f, jumps);
            } else if (e instanceof ArithExpr a) {
                int l = entity(a.left(), jumps);
                int r = entity(a.right(), jumps);
                Insn i = emit(switch (a.op()) {
                    case ADD -> Opcode.ADD;
                    case SUBTRACT -> Opcode.SUBTRACT;
                    case MULTIPLY -> Opcode.MULTIPLY;
                    case DIVIDE -> Opcode.DIVIDE;
                    case MODULO -> Opcode.MODULO;
                    case BITWISE_AND -> Opcode.BITWISE_AND;
                });
                i.arith = a.op();
                i.a = l;
                i.b = r;
                i.dest = nextReg++;
                return i.dest;
            } else if (e instanceof NegExpr n) {
                int v = entity(n.operand(), jumps);
                Insn i = emit(Opcode.UNARY_MINUS);
                i.a = v;
                i.dest = nextReg++;
                return i.dest;
            }
        throw new IllegalStateException("regex outside matches");
    }

    private int function(FuncExpr f, List<Insn> jumps) {
        String name = f.def().name();
        if (name.equals("len")) {
            int v = entity(f.args().get(0), jumps);
            Insn i = emit(Opcode.LENGTH);
            i.a = v;
            i.dest = nextReg++;
            return i.dest;
        }
        if (name.equals("vals")) {
            return entity(f.args().get(0), jumps);
        }
        int result = nextReg++;
        int[] args = new int[f.args().size()];
        for (int k = 0; k < args.length; k++) {
            List<Insn> aj = new ArrayList<>();
            args[k] = entity(f.args().get(k), aj);
            Insn push = emit(Opcode.STACK_PUSH);
            push.a = args[k];
            for (Insn j : aj) {
                j.target = code.size() - 1;
            }
        }
        Insn call = emit(Opcode.CALL_FUNCTION);
        call.func = f.def();
        call.args = args;
        call.count = args.length;
        call.type = f.type();
        call.dest = result;
        Insn pop = emit(Opcode.STACK_POP);
        pop.count = args.length;
        jumps.add(emit(Opcode.IF_FALSE_GOTO));
        return result;
    }

    /** Same-name fields share a READ_TREE (all registered fields with that abbreviation). */
    static final class FieldIds {
        private static final Map<FieldRegistry, Map<String, int[]>> DUPS = new java.util.WeakHashMap<>();

        static int[] of(FieldRegistry reg, dev.dfq.fields.FieldDef d) {
            Map<String, int[]> dups;
            synchronized (DUPS) {
                dups = DUPS.computeIfAbsent(reg, FieldIds::scan);
            }
            int[] ids = dups.get(d.abbrev());
            return ids != null ? ids : new int[] {d.id()};
        }

        private static Map<String, int[]> scan(FieldRegistry reg) {
            Map<String, List<Integer>> m = new HashMap<>();
            Map<String, Integer> first = new HashMap<>();
            int n = reg.size();
            for (int id = 0; id < n; id++) {
                String a = reg.abbrevOf(id);
                Integer prev = first.putIfAbsent(a, id);
                if (prev != null) {
                    m.computeIfAbsent(a, k -> new ArrayList<>(List.of(prev))).add(id);
                }
            }
            Map<String, int[]> out = new HashMap<>();
            m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            return out;
        }
    }

    static ArithOp unused() {
        return null;
    }
}
