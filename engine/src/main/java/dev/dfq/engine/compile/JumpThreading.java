package dev.dfq.engine.compile;

import dev.dfq.engine.vm.Insn;

import java.util.List;

/**
 * 4.6.9's peephole pass over conditional jumps. A jump is followed while the accumulator's value at
 * the target is known: through jumps of either sense, and through a re-read of a register whose
 * read just failed (its cached load fails again). A jump to the next instruction becomes NO_OP.
 */
final class JumpThreading {
    private JumpThreading() {
    }

    static void optimize(List<Insn> code) {
        for (int id = 0; id < code.size(); id++) {
            Insn in = code.get(id);
            if (in.op != Opcode.IF_TRUE_GOTO && in.op != Opcode.IF_FALSE_GOTO) {
                continue;
            }
            boolean accum = in.op == Opcode.IF_TRUE_GOTO;
            int failedReg = -1;
            if (!accum && id > 0) {
                Insn prev = code.get(id - 1);
                if (prev.op == Opcode.READ_TREE && prev.layers == null) {
                    failedReg = prev.dest;
                }
            }
            int pc = in.target;
            int guard = 0;
            while (pc < code.size() && guard++ < code.size()) {
                Insn t = code.get(pc);
                if (t.op == Opcode.IF_TRUE_GOTO) {
                    pc = accum ? t.target : pc + 1;
                } else if (t.op == Opcode.IF_FALSE_GOTO) {
                    pc = accum ? pc + 1 : t.target;
                } else if (!accum && failedReg >= 0 && t.op == Opcode.READ_TREE && t.layers == null
                        && t.dest == failedReg) {
                    pc = pc + 1;
                } else {
                    break;
                }
            }
            in.target = pc;
        }
        for (int id = 0; id < code.size(); id++) {
            Insn in = code.get(id);
            if ((in.op == Opcode.IF_TRUE_GOTO || in.op == Opcode.IF_FALSE_GOTO) && in.target == id + 1) {
                in.op = Opcode.NO_OP;
            }
        }
    }
}
