package dev.dfq.engine.vm;

/**
 * An instruction operand: a register, or a constant with the text dftest shows for it
 * ({@code 25 <FT_UINT16>}).
 */
public record Operand(int register, Reg constant, String display) {
    public static Operand reg(int r) {
        return new Operand(r, null, "R" + r);
    }

    public static Operand constant(Reg value, String display) {
        return new Operand(-1, value, display);
    }

    public boolean isRegister() {
        return constant == null;
    }

    @Override
    public String toString() {
        return display;
    }
}
