package dev.dfq.engine.compile;

import dev.dfq.engine.compile.Typed.Entity;
import dev.dfq.engine.vm.Arithmetic;
import dev.dfq.engine.vm.Reg;
import java.util.ArrayList;
import java.util.List;

/** Evaluates constant subexpressions at compile time ({@code 1 + 2} becomes {@code 3}), as 4.6 does. */
final class ConstantFolder {
    private ConstantFolder() {
    }

    /** The value of a constant entity, or null when it cannot be folded. */
    static Reg evaluate(Entity e) {
        if (e instanceof Typed.Const c) {
            return c.value();
        }
        if (e instanceof Typed.Arith a) {
            Reg l = evaluate(a.left());
            Reg r = evaluate(a.right());
            if (l == null || r == null) {
                return null;
            }
            Reg out = new Reg(a.type());
            Arithmetic.apply(a.op(), l, r, out);
            return out;
        }
        if (e instanceof Typed.Negate n) {
            Reg v = evaluate(n.operand());
            if (v == null) {
                return null;
            }
            Reg out = new Reg(n.type());
            Arithmetic.negate(v, out);
            return out;
        }
        if (e instanceof Typed.Function f && f.def() != null) {
            List<Reg> args = new ArrayList<>();
            for (Entity a : f.args()) {
                Reg v = evaluate(a);
                if (v == null) {
                    return null;
                }
                args.add(v);
            }
            Reg out = new Reg(f.type());
            return f.def().impl().apply(args, out) ? out : null;
        }
        return null;
    }
}
